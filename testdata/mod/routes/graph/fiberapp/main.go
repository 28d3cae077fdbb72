package main

import (
	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/helmet"
	"github.com/gofiber/fiber/v2/middleware/limiter"
	"github.com/gofiber/fiber/v2/middleware/logger"
)

func login(c *fiber.Ctx) error  { return c.SendStatus(fiber.StatusOK) }
func verify(c *fiber.Ctx) error { return nil }
func list(c *fiber.Ctx) error   { return nil }

func setup(app *fiber.App) {
	app.Use(logger.New())
	api := app.Group("/api")
	api.Post("/login", login) // want `POST /api/login \[logger\.New\{logging\}\] login`
	app.Use(limiter.New())
	api.Post("/otp/verify", verify) // want `POST /api/otp/verify \[logger\.New\{logging\}, limiter\.New\{rate-limit\}\] verify`
	v1 := api.Group("/v1", helmet.New())
	v1.Get("/items", list) // want `GET /api/v1/items \[logger\.New\{logging\}, limiter\.New\{rate-limit\}, helmet\.New\{security-headers\}<X-Frame-Options,X-Content-Type-Options>\] list`
	app.Use("/admin", limiter.New())
	app.Get("/admin/stats", list) // want `GET /admin/stats \[logger\.New\{logging\}, limiter\.New\{rate-limit\}, limiter\.New\{rate-limit\}\] list`
	app.Get("/public", list)      // want `GET /public \[logger\.New\{logging\}, limiter\.New\{rate-limit\}\] list`
	app.Route("/accounts", func(r fiber.Router) {
		r.Post("/reset", limiter.New(), verify) // want `POST /accounts/reset \[logger\.New\{logging\}, limiter\.New\{rate-limit\}, limiter\.New\{rate-limit\}\] verify`
	})
}

func main() {
	app := fiber.New() // want `router fiber fiber\.New\(\) \(served\) \[logger\.New\{logging\}, limiter\.New\{rate-limit\}, limiter\.New\{rate-limit\}\]`
	setup(app)
	app.Listen(":3000") // want `start \(\*fiber\.App\)\.Listen fiber fiber\.New\(\)`
}
