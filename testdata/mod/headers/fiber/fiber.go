package fiber

import (
	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/helmet"
)

func list(c *fiber.Ctx) error { return nil }

func defaults() {
	app := fiber.New() // want `AV701 .*fiber router fiber.New\(\) serves responses without Strict-Transport-Security; add helmet.New with HSTSMaxAge set`
	app.Use(helmet.New())
	app.Get("/items", list)
	app.Listen(":3000")
}

func configured() {
	app := fiber.New()
	app.Use(helmet.New(helmet.Config{HSTSMaxAge: 31536000}))
	app.Get("/items", list)
	app.Listen(":3000")
}

func handWritten() {
	app := fiber.New()
	app.Use(func(c *fiber.Ctx) error {
		c.Set("Strict-Transport-Security", "max-age=31536000")
		c.Set(fiber.HeaderXContentTypeOptions, "nosniff")
		c.Set(fiber.HeaderXFrameOptions, "DENY")
		return c.Next()
	})
	app.Get("/items", list)
	app.Listen(":3000")
}

func bare() {
	app := fiber.New() // want `AV701 .*without Strict-Transport-Security, X-Content-Type-Options: nosniff and frame protection`
	app.Get("/items", list)
	app.Listen(":3000")
}
