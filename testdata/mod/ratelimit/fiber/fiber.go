package fiber

import (
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/limiter"
	"github.com/gofiber/fiber/v2/middleware/logger"

	"example.com/apivettest/ratelimit/mw"
)

type Auth struct{}

func (a *Auth) Login(c *fiber.Ctx) error    { return nil }
func (a *Auth) Register(c *fiber.Ctx) error { return nil }

func unprotected() {
	a := &Auth{}
	app := fiber.New()
	app.Use(logger.New())
	api := app.Group("/api/v1")
	api.Post("/auth/login", a.Login) // want `AV201 .*POST /api/v1/auth/login has no rate limiter in its middleware chain \(logger.New\); add fiber's limiter.New\(\)`
	// fiber runs handlers in registration order: a later Use is too late.
	app.Use(limiter.New(limiter.Config{Max: 5, Expiration: time.Minute}))
	api.Post("/auth/register", a.Register)
	app.Listen(":3000")
}

func group() {
	a := &Auth{}
	app := fiber.New()
	auth := app.Group("/auth", limiter.New())
	auth.Post("/login", a.Login)
	app.Listen(":3000")
}

func prefixed() {
	a := &Auth{}
	app := fiber.New()
	app.Use("/auth", mw.Fiber())
	app.Post("/auth/login", a.Login)
	app.Post("/signup", a.Register) // want `AV201 .*POST /signup has no rate limiter and no middleware at all`
	app.Listen(":3000")
}

func perRoute() {
	a := &Auth{}
	app := fiber.New()
	app.Post("/login", limiter.New(), a.Login)
	app.Listen(":3000")
}
