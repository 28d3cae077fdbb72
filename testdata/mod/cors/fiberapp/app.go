// Package fiberapp is a fiber service.
package fiberapp

import (
	"strings"

	"example.com/apivettest/cors/config"
	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/cors"
)

// Setup registers the middleware.
func Setup(app *fiber.App) {
	app.Use(cors.New(cors.Config{ // want `AV402 high: AllowOriginsFunc accepts every origin and AllowCredentials is true: fiber reflects`
		AllowOriginsFunc: func(origin string) bool { return true },
		AllowCredentials: true,
	}))
	app.Use(cors.New(cors.Config{ // want `AV403 medium: AllowOriginsFunc checks strings.HasPrefix\(origin, "http://localhost"\) \(with credentials\): an attacker's origin such as http://localhost.evil.net passes`
		AllowOrigins: config.WebOrigin,
		AllowOriginsFunc: func(origin string) bool {
			return strings.HasPrefix(origin, "http://localhost")
		},
		AllowCredentials: true,
	}))
	app.Use(func(c *fiber.Ctx) error {
		c.Set("Access-Control-Allow-Origin", c.Get("Origin")) // want `AV402 high: the request's Origin \(c.Get\("Origin"\)\) is copied`
		c.Set(fiber.HeaderAccessControlAllowCredentials, "true")
		return c.Next()
	})
}

// --- safe look-alikes ---

// fiber panics at startup on "*" with credentials (also the default "*"):
// a crash, never a response that leaks.
func Panics(app *fiber.App) {
	app.Use(cors.New(cors.Config{AllowOrigins: "*", AllowCredentials: true}))
	app.Use(cors.New(cors.Config{AllowCredentials: true}))
	cfg := cors.ConfigDefault
	cfg.AllowCredentials = true
	app.Use(cors.New(cfg))
}

func Safe(app *fiber.App) {
	app.Use(cors.New())
	app.Use(cors.New(cors.Config{AllowOrigins: "*"}))
	app.Use(cors.New(cors.Config{
		AllowOrigins:     config.WebOrigin + ", " + config.AdminOrigin + ", https://*.example.com",
		AllowCredentials: true,
	}))
	app.Use(cors.New(cors.Config{
		AllowOriginsFunc: func(origin string) bool {
			return strings.HasPrefix(origin, "http://localhost:")
		},
		AllowCredentials: true,
	}))
}
