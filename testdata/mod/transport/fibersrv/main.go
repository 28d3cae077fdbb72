// Package fibersrv starts the notification service's fiber app.
package fibersrv

import (
	"log"
	"time"

	"github.com/gofiber/fiber/v2"

	"example.com/apivettest/transport/srvconfig"
)

// Main is fiber's quick start.
func Main() {
	app := fiber.New()
	app.Get("/", func(c *fiber.Ctx) error { return c.SendString("hi") })
	log.Fatal(app.Listen(":3000")) // want `AV804 medium: app.Listen serves with fasthttp and no ReadTimeout in fiber.Config \(fiber's default is none\): .*; set ReadTimeout in the fiber.Config passed to fiber.New`
}

// IdleOnly sets IdleTimeout, which fasthttp ignores on a connection's first request.
func IdleOnly() error {
	app := fiber.New(fiber.Config{
		AppName:     "notify",
		IdleTimeout: 60 * time.Second,
		BodyLimit:   1 << 20,
	})
	return app.ListenTLS(":3443", "cert.pem", "key.pem") // want `AV804 medium: app.ListenTLS serves with fasthttp and no ReadTimeout`
}

// Server keeps the app in a field.
type Server struct {
	app *fiber.App
}

// NewServer builds the app with a custom error handler only.
func NewServer() *Server {
	return &Server{app: fiber.New(fiber.Config{ErrorHandler: func(c *fiber.Ctx, err error) error {
		return c.SendStatus(fiber.StatusInternalServerError)
	}})}
}

// Start serves the field's app.
func (s *Server) Start(addr string) error {
	return s.app.Listen(addr) // want `AV804 medium: s.app.Listen serves with fasthttp`
}

// --- safe look-alikes ---

// Configured sets ReadTimeout in the literal.
func Configured() error {
	app := fiber.New(fiber.Config{ReadTimeout: 10 * time.Second, WriteTimeout: 10 * time.Second})
	return app.Listen(":3001")
}

// FromSettings sets ReadTimeout from the configuration file after building the config.
func FromSettings(s srvconfig.Fiber) error {
	cfg := fiber.Config{AppName: "notify"}
	cfg.ReadTimeout = s.ReadTimeout
	app := fiber.New(cfg)
	return app.Listen(":3002")
}

// FromCaller takes its config from the caller.
func FromCaller(cfg fiber.Config) error {
	app := fiber.New(cfg)
	return app.Listen(":3003")
}

// StartApp serves an app built elsewhere.
func StartApp(app *fiber.App) error {
	return app.Listen(":3004")
}

// Local serves on loopback.
func Local() error {
	return fiber.New().Listen("127.0.0.1:3005")
}
