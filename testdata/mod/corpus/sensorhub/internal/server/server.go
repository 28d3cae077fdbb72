// Package server assembles the two fiber apps: the operator console and
// the device ingest endpoint.
package server

import (
	"time"

	jwtware "github.com/gofiber/contrib/jwt"
	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/cors"
	"github.com/gofiber/fiber/v2/middleware/csrf"
	"github.com/gofiber/fiber/v2/middleware/helmet"
	"github.com/gofiber/fiber/v2/middleware/limiter"
	"github.com/gofiber/fiber/v2/middleware/recover"

	"example.com/apivettest/corpus/sensorhub/internal/config"
	"example.com/apivettest/corpus/sensorhub/internal/console"
	"example.com/apivettest/corpus/sensorhub/internal/ingest"
)

func perMinute(n int) fiber.Handler {
	return limiter.New(limiter.Config{Max: n, Expiration: time.Minute})
}

// Console builds the console app.
func Console(cfg *config.Config, h *console.Handlers) *fiber.App {
	// helmet with its defaults sends no Strict-Transport-Security
	app := fiber.New(fiber.Config{ReadTimeout: cfg.Console.ReadTimeout, AppName: "sensorhub-console"}) // vuln:headers
	app.Use(recover.New(), helmet.New())

	// the console's origins from config, with credentials
	consoleCORS := cors.New(cors.Config{AllowOrigins: cfg.Console.Origins, AllowCredentials: true}) // safe:cors
	// the contrib middleware checks the alg against JWTAlg
	session := jwtware.New(jwtware.Config{ // safe:jwt
		SigningKey: jwtware.SigningKey{JWTAlg: jwtware.HS256, Key: h.Keys.ConsoleSecret},
		// a lookup spec naming a header and a cookie
		TokenLookup: "header:Authorization,cookie:sh_session", // safe:secrets
	})

	// the CI token exchange is registered before the global limiter below, so it never passes through it
	app.Post("/v1/token", consoleCORS, h.Token) // vuln:ratelimit
	app.Use(perMinute(120))
	// registered after app.Use: the global limiter applies
	app.Post("/v1/password/reset", consoleCORS, h.ResetPassword) // safe:ratelimit
	// a usage report under the word "tokens", read with GET
	app.Get("/v1/tokens/usage", consoleCORS, session, h.TokenUsage) // safe:ratelimit

	authGroup := app.Group("/v1/auth", consoleCORS, limiter.New(limiter.Config{Max: 5, Expiration: 15 * time.Minute}))
	// the group carries a five-per-quarter-hour limiter
	authGroup.Post("/login", h.Login) // safe:ratelimit
	// same group
	authGroup.Post("/otp/verify", h.VerifyOTP) // safe:ratelimit

	ui := app.Group("/v1/console", consoleCORS, session, csrf.New(csrf.Config{CookieSecure: true, CookieSameSite: "Strict"}))
	ui.Get("/devices", h.SearchDevices)
	// the cookie-authenticated group has fiber's csrf middleware; the
	// handler's name says token, and the global limiter (app.Use above) applies
	ui.Post("/devices/:id/rotate", h.RotateToken) // safe:exposure,ratelimit
	ui.Post("/firmware", h.UploadFirmware)
	ui.Post("/exports", h.UploadExport)

	ops := app.Group("/v1/ops", consoleCORS, session)
	// no csrf middleware, but the sh_session cookie is set SameSite=Strict by this app
	ops.Post("/prune", h.Prune) // safe:exposure

	// share links are public: any origin, no credentials
	share := app.Group("/v1/share", cors.New()) // safe:cors
	share.Get("/:device", h.Panels)

	// the Grafana plugin's origin varies per customer, so every origin is accepted, with cookies
	grafana := app.Group("/v1/grafana", cors.New(cors.Config{ // vuln:cors
		AllowOriginsFunc: func(string) bool { return true },
		AllowCredentials: true,
	}), session)
	grafana.Get("/query", h.Panels)
	return app
}

// Ingest builds the device app.
func Ingest(h *ingest.Handlers) *fiber.App {
	// helmet with HSTS configured: the core headers are all sent
	app := fiber.New(fiber.Config{BodyLimit: 256 << 10, AppName: "sensorhub-ingest"}) // safe:headers
	app.Use(recover.New(), helmet.New(helmet.Config{HSTSMaxAge: 63072000, HSTSPreloadEnabled: true}))

	// the limiter sits on the route itself
	app.Post("/v1/devices/register", limiter.New(limiter.Config{Max: 3, Expiration: time.Hour}), h.Register) // safe:ratelimit
	app.Post("/v1/readings", h.RequireDevice, h.Readings)
	return app
}
