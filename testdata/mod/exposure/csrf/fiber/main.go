// Command shop uses fiber's sessions, whose cookie is SameSite=Lax by
// default.
package main

import (
	"log"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/session"
)

var store = session.New()

func requireLogin(c *fiber.Ctx) error {
	sess, err := store.Get(c)
	if err != nil || sess.Get("uid") == nil {
		return fiber.ErrUnauthorized
	}
	return c.Next()
}

func checkout(c *fiber.Ctx) error { return c.SendStatus(fiber.StatusCreated) }

func main() {
	app := fiber.New()
	app.Post("/checkout", requireLogin, checkout)
	log.Fatal(app.Listen(":8080"))
}
