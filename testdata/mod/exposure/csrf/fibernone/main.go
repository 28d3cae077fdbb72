// Command studio keeps its session in a cookie it sets SameSite=None (for
// an embedded iframe); the viewer cookie keeps fiber's Lax default.
package main

import (
	"log"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/csrf"
)

var sessions = map[string]int64{}

func signIn(c *fiber.Ctx) error {
	c.Cookie(&fiber.Cookie{Name: "studio_session", Value: "x", HTTPOnly: true, Secure: true, SameSite: fiber.CookieSameSiteNoneMode})
	c.Cookie(&fiber.Cookie{Name: "viewer_session", Value: "y", HTTPOnly: true, Secure: true})
	return nil
}

func studio(c *fiber.Ctx) error {
	if _, ok := sessions[c.Cookies("studio_session")]; !ok {
		return fiber.ErrUnauthorized
	}
	return c.Next()
}

func viewer(c *fiber.Ctx) error {
	if _, ok := sessions[c.Cookies("viewer_session")]; !ok {
		return fiber.ErrUnauthorized
	}
	return c.Next()
}

func ok(c *fiber.Ctx) error { return c.SendStatus(fiber.StatusNoContent) }

func main() {
	app := fiber.New()
	app.Post("/studio/login", signIn)
	ch := app.Group("/studio/channel", studio)
	ch.Post("/rotate", ok) // want `AV903`
	ch.Delete("/", ok)     // want `AV903`
	guarded := app.Group("/studio/admin", studio, csrf.New())
	guarded.Post("/ban", ok)
	app.Post("/watch/comments", viewer, ok)
	log.Fatal(app.Listen(":8080"))
}
