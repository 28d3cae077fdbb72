// Package ops is the dispatchers' back-office app.
package ops

import (
	"crypto/rand"
	"encoding/hex"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/cors"
	"github.com/gofiber/fiber/v2/middleware/csrf"
	"github.com/gofiber/fiber/v2/middleware/helmet"

	"example.com/apivettest/corpus/fleet/internal/db"
)

type app struct {
	store    *db.Store
	sessions map[string]string
}

// New builds the ops app.
func New(store *db.Store) *fiber.App {
	a := &app{store: store, sessions: map[string]string{}}
	// helmet's defaults send no Strict-Transport-Security
	ops := fiber.New() // vuln:headers
	ops.Use(helmet.New())
	// every origin is accepted, with credentials
	ops.Use(cors.New(cors.Config{AllowOriginsFunc: func(origin string) bool { return true }, AllowCredentials: true})) // vuln:cors

	// no limiter anywhere on the ops app
	ops.Post("/login", a.login) // vuln:ratelimit
	ops.Post("/logout", a.logout)

	// KeyLookup names the header that carries the CSRF token; it holds no secret
	board := ops.Group("/board", a.session, csrf.New(csrf.Config{KeyLookup: "header:X-Csrf-Token", CookieSecure: true, CookieHTTPOnly: true, CookieSameSite: "Strict"})) // safe:secrets
	board.Get("/drivers", a.drivers)
	// cookie session, CSRF middleware on the group
	board.Post("/drivers/:id/suspend", a.suspend) // safe:exposure
	return ops
}

func (a *app) session(c *fiber.Ctx) error {
	if _, ok := a.sessions[c.Cookies("ops_session")]; !ok {
		return c.SendStatus(fiber.StatusUnauthorized)
	}
	return c.Next()
}

func (a *app) login(c *fiber.Ctx) error {
	var req struct {
		User     string `json:"user"`
		Password string `json:"password"`
	}
	// fiber's default BodyLimit applies
	if err := c.BodyParser(&req); err != nil { // safe:transport
		return c.SendStatus(fiber.StatusBadRequest)
	}
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	sid := hex.EncodeToString(b)
	a.sessions[sid] = req.User
	// readable from JavaScript: HTTPOnly is not set
	c.Cookie(&fiber.Cookie{Name: "ops_session", Value: sid, Secure: true, SameSite: "Strict"}) // vuln:headers
	// a layout preference
	c.Cookie(&fiber.Cookie{Name: "ops_sidebar", Value: "collapsed"}) // safe:headers
	return c.SendStatus(fiber.StatusNoContent)
}

func (a *app) logout(c *fiber.Ctx) error {
	c.ClearCookie("ops_session")
	return c.SendStatus(fiber.StatusNoContent)
}

func (a *app) drivers(c *fiber.Ctx) error {
	return c.JSON([]string{})
}

func (a *app) suspend(c *fiber.Ctx) error {
	if err := a.store.Suspend(c.Context(), c.Params("id")); err != nil {
		return c.SendStatus(fiber.StatusInternalServerError)
	}
	return c.SendStatus(fiber.StatusNoContent)
}
