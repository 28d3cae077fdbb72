// Command events ingests events with fiber.
package main

import (
	"log"
	"time"

	"github.com/gofiber/fiber/v2"
)

type event struct {
	Kind string `json:"kind"`
}

// ingest parses the body: fiber (fasthttp) refuses bodies over
// Config.BodyLimit, 4 MiB by default.
func ingest(c *fiber.Ctx) error {
	var ev event
	if err := c.BodyParser(&ev); err != nil {
		return fiber.ErrBadRequest
	}
	return c.SendStatus(fiber.StatusAccepted)
}

func main() {
	app := fiber.New(fiber.Config{ReadTimeout: 10 * time.Second})
	app.Post("/events", ingest)
	log.Fatal(app.Listen(":8080"))
}
