// Package api is the driver-facing fiber API.
package api

import (
	"time"

	jwtware "github.com/gofiber/contrib/jwt"
	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/cors"
	"github.com/gofiber/fiber/v2/middleware/helmet"
	"github.com/gofiber/fiber/v2/middleware/limiter"

	"example.com/apivettest/corpus/fleet/internal/config"
	"example.com/apivettest/corpus/fleet/internal/db"
)

func limiterConfig() limiter.Config {
	return limiter.Config{
		Max:        10,
		Expiration: time.Minute,
		KeyGenerator: func(c *fiber.Ctx) string {
			return c.IP()
		},
	}
}

// New builds the driver API.
func New(cfg config.Config, store *db.Store) *fiber.App {
	h := &handlers{cfg: cfg, store: store}
	// helmet with HSTS configured, plus nosniff and X-Frame-Options by default
	app := fiber.New(fiber.Config{ReadTimeout: 10 * time.Second, WriteTimeout: 30 * time.Second}) // safe:headers
	app.Use(helmet.New(helmet.Config{HSTSMaxAge: 31536000, HSTSPreloadEnabled: true}))
	// two named origins, with credentials
	app.Use(cors.New(cors.Config{AllowOrigins: "https://fleet.example.com, https://dispatch.fleet.example.com", AllowCredentials: true})) // safe:cors

	// registered before app.Use(limiter.New(...)) below: never limited
	app.Post("/drivers/otp/verify", h.VerifyOTP) // vuln:ratelimit
	app.Use(limiter.New(limiterConfig()))
	// after the limiter
	app.Post("/drivers/login", h.Login) // safe:ratelimit
	// also after the limiter
	app.Post("/drivers/otp", h.SendOTP) // safe:ratelimit
	// public list of login methods for the app's first screen
	app.Get("/auth/methods", h.AuthMethods) // safe:ratelimit

	tiles := app.Group("/tiles")
	// public map tiles: any origin, no credentials
	tiles.Use(cors.New()) // safe:cors
	tiles.Get("/:z/:x/:y", h.Tile)

	// HS256 is pinned in the middleware's keyfunc
	drivers := app.Group("/v1", jwtware.New(jwtware.Config{SigningKey: jwtware.SigningKey{JWTAlg: jwtware.HS256, Key: cfg.JWTKey}})) // safe:jwt
	drivers.Get("/vehicles", h.Vehicles)
	drivers.Get("/vehicles/search", h.SearchPlates)
	// bearer-authenticated state change
	drivers.Post("/positions", h.Positions) // safe:exposure
	drivers.Post("/statuses", h.Statuses)
	drivers.Post("/trips/:vehicle/prune", h.Prune)
	drivers.Post("/damage/photos", h.DamagePhoto)
	drivers.Post("/receipts", h.Receipt)
	return app
}
