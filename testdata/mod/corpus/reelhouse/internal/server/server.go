// Package server assembles reelhouse's fiber apps.
package server

import (
	"errors"
	"slices"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/cors"
	"github.com/gofiber/fiber/v2/middleware/csrf"
	"github.com/gofiber/fiber/v2/middleware/helmet"
	"github.com/gofiber/fiber/v2/middleware/limiter"

	"example.com/apivettest/corpus/reelhouse/internal/auth"
	"example.com/apivettest/corpus/reelhouse/internal/config"
	"example.com/apivettest/corpus/reelhouse/internal/handlers"
	"example.com/apivettest/corpus/reelhouse/internal/studio"
)

// errorHandler hides internal errors returned by handlers.
func errorHandler(c *fiber.Ctx, err error) error {
	var fe *fiber.Error
	if errors.As(err, &fe) && fe.Code < fiber.StatusInternalServerError {
		return c.Status(fe.Code).SendString(fe.Message)
	}
	// a fixed message for everything else
	return c.Status(fiber.StatusInternalServerError).SendString("internal error") // safe:exposure
}

func authLimiter() fiber.Handler {
	return limiter.New(limiter.Config{
		Max:        10,
		Expiration: time.Minute,
		KeyGenerator: func(c *fiber.Ctx) string {
			return c.IP()
		},
	})
}

// partnerOrigins may embed the player with the viewer's cookie.
var partnerOrigins = []string{"https://watch.partner-tv.example", "https://app.cinemaclub.example"}

// Viewer builds the viewer-facing app.
func Viewer(cfg config.Config, h *handlers.Viewer) *fiber.App {
	// helmet's defaults send no Strict-Transport-Security
	app := fiber.New(fiber.Config{ReadTimeout: 10 * time.Second, ErrorHandler: errorHandler}) // vuln:headers
	app.Use(helmet.New())
	// an explicit origin list with credentials
	app.Use(cors.New(cors.Config{ // safe:cors
		AllowOrigins:     "https://reelhouse.tv, https://www.reelhouse.tv",
		AllowCredentials: true,
	}))

	me := app.Group("/v1/me", auth.Viewer(cfg.JWTKey))
	// the pairing code check is registered before the limiter below is added
	me.Post("/devices/pair/verify", h.VerifyPairing) // vuln:ratelimit
	// sign-up, also registered before the limiter
	app.Post("/v1/register", h.Register) // vuln:ratelimit

	app.Use("/v1", limiterFor("/v1"))

	api := app.Group("/v1")
	authG := api.Group("/auth", authLimiter())
	// the limiter is on the auth group
	authG.Post("/login", h.Login) // safe:ratelimit
	// same group
	authG.Post("/refresh", h.Refresh) // safe:ratelimit
	// public list of SSO providers under an auth path
	api.Get("/auth/providers", h.Providers) // safe:ratelimit

	api.Get("/titles", h.Search)
	api.Get("/titles/:slug", h.Title)

	me.Post("/titles/:slug/play", h.Play)
	me.Post("/premieres/:id/seats", h.Reserve)
	// kids-profile PIN with a per-route limiter
	me.Post("/profiles/:id/pin", authLimiter(), h.ProfilePIN) // safe:ratelimit
	me.Post("/subtitles", h.UploadSubtitle)

	tv := api.Group("/tv", auth.TV(cfg.DeviceKey))
	tv.Get("/pair", h.StartPairing)

	// the player embed: the allow-list is looked up
	app.Use("/embed", cors.New(cors.Config{ // safe:cors
		AllowOriginsFunc: func(origin string) bool { return slices.Contains(partnerOrigins, origin) },
		AllowCredentials: true,
	}))
	app.Post("/webhooks/billing", h.BillingWebhook)
	return app
}

// limiterFor is the general API limiter.
func limiterFor(prefix string) fiber.Handler {
	return limiter.New(limiter.Config{Max: 300, Expiration: time.Minute, KeyGenerator: func(c *fiber.Ctx) string { return prefix + c.IP() }})
}

// manifestCORS lets players fetch HLS manifests with the viewer's cookie.
func manifestCORS(allowed map[string]bool) fiber.Handler {
	return func(c *fiber.Ctx) error {
		origin := c.Get(fiber.HeaderOrigin)
		if origin == "null" || allowed[origin] {
			// "null" (sandboxed iframes, file:// pages) is accepted with credentials
			c.Set(fiber.HeaderAccessControlAllowOrigin, origin) // vuln:cors
			c.Set(fiber.HeaderAccessControlAllowCredentials, "true")
			c.Vary(fiber.HeaderOrigin)
		}
		return c.Next()
	}
}

// CDN builds the origin app the CDN pulls manifests and segments from.
func CDN(h *handlers.Viewer) *fiber.App {
	// helmet with a one-year HSTS; nosniff and frame options come from its defaults
	app := fiber.New(fiber.Config{ErrorHandler: errorHandler}) // safe:headers
	app.Use(helmet.New(helmet.Config{HSTSMaxAge: 31536000, HSTSPreloadEnabled: true}))
	// the default cors config: any origin, no credentials
	app.Use("/public", cors.New()) // safe:cors
	app.Use("/hls", manifestCORS(map[string]bool{"https://reelhouse.tv": true}))
	// the embed player: every origin is accepted and credentials are on
	app.Use("/player", cors.New(cors.Config{ // vuln:cors
		AllowOriginsFunc: func(origin string) bool { return true },
		AllowCredentials: true,
	}))
	app.Get("/public/posters/:id", func(c *fiber.Ctx) error { return c.SendStatus(fiber.StatusNotFound) })
	app.Get("/hls/:slug/master.m3u8", func(c *fiber.Ctx) error { return c.SendStatus(fiber.StatusNotFound) })
	app.Get("/player/config", func(c *fiber.Ctx) error { return c.JSON(fiber.Map{}) })
	return app
}

// securityHeaders is the studio's own header middleware (the studio is HTML).
func securityHeaders(c *fiber.Ctx) error {
	c.Set("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
	c.Set("X-Content-Type-Options", "nosniff")
	c.Set("Content-Security-Policy", "default-src 'self'; frame-ancestors https://watch.partner-tv.example")
	return c.Next()
}

// Studio builds the creators' studio app.
func Studio(cfg config.Config, s *studio.Studio) *fiber.App {
	// HSTS, nosniff and a CSP with frame-ancestors from securityHeaders
	app := fiber.New(fiber.Config{ReadTimeout: cfg.StudioReadTimeout, ErrorHandler: errorHandler}) // safe:headers
	app.Use(securityHeaders)
	// sign-in limited per route
	app.Post("/studio/login", authLimiter(), s.SignIn) // safe:ratelimit
	app.Post("/ingest/:channel", s.Ingest)

	ch := app.Group("/studio/channel", s.Session)
	// the session cookie is SameSite=None and there is no CSRF middleware
	ch.Post("/stream-key", s.RotateKey) // vuln:exposure
	// same chain
	ch.Post("/thumbnails", s.Thumbnail) // vuln:exposure

	admin := app.Group("/studio/admin", s.Session, csrf.New(csrf.Config{CookieSameSite: "Strict", CookieSecure: true, CookieHTTPOnly: true}))
	// the admin group has fiber's csrf middleware
	admin.Post("/channels/:id/ban", func(c *fiber.Ctx) error { return c.SendStatus(fiber.StatusNoContent) }) // safe:exposure
	return app
}
