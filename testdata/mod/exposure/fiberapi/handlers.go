// Package fiberapi serves the notifications API with fiber.
package fiberapi

import (
	"errors"
	"os"

	"github.com/gofiber/fiber/v2"
)

// Notifier sends messages.
type Notifier interface {
	Send(to, body string) error
}

// API serves /notify.
type API struct {
	n Notifier
}

type notifyRequest struct {
	To   string `json:"to"`
	Body string `json:"body"`
}

// Notify sends one message.
func (a *API) Notify(c *fiber.Ctx) error {
	var req notifyRequest
	if err := c.BodyParser(&req); err != nil {
		return c.Status(fiber.StatusBadRequest).JSON(fiber.Map{"error": err.Error()})
	}
	if err := a.n.Send(req.To, req.Body); err != nil {
		return c.Status(fiber.StatusInternalServerError).JSON(fiber.Map{"error": err.Error()}) // want `AV901 medium: err.Error\(\) is written to the client with status 500 by c.Status\(...\).JSON`
	}
	return c.SendStatus(fiber.StatusAccepted)
}

// Template reads a template from disk.
func (a *API) Template(c *fiber.Ctx) error {
	data, err := os.ReadFile("/etc/notify/templates/" + c.Params("name"))
	if err != nil {
		c.Status(fiber.StatusInternalServerError)
		return c.SendString(err.Error()) // want `AV901 medium: err.Error\(\) is written to the client with status 500 by c.SendString`
	}
	return c.Send(data)
}

// Batch answers through fiber's error.
func (a *API) Batch(c *fiber.Ctx) error {
	if err := a.n.Send("ops", "batch"); err != nil {
		return fiber.NewError(fiber.StatusInternalServerError, err.Error()) // want `AV901 medium: err.Error\(\) is written to the client with status 500 through fiber.NewError`
	}
	return nil
}

// New builds the app with an error handler that echoes every error.
func New(a *API) *fiber.App {
	app := fiber.New(fiber.Config{
		ErrorHandler: func(c *fiber.Ctx, err error) error {
			return c.Status(fiber.StatusInternalServerError).SendString(err.Error()) // want `AV901 medium: err.Error\(\) is written to the client with status 500 by c.Status\(...\).SendString`
		},
	})
	app.Post("/notify", a.Notify)
	return app
}

// --- safe look-alikes ---

// OK answers 200 with a status message built from a constant error.
func (a *API) OK(c *fiber.Ctx) error {
	if err := a.n.Send("ops", "ping"); err != nil {
		return c.Status(fiber.StatusServiceUnavailable).JSON(fiber.Map{"error": "notifier unavailable"})
	}
	return c.SendString("ok")
}

// Plain returns the error to the app's error handler.
func (a *API) Plain(c *fiber.Ctx) error {
	return a.n.Send("ops", "plain")
}

var errQuota = errors.New("quota exceeded")

// Quota answers 503 with its own sentinel.
func (a *API) Quota(c *fiber.Ctx) error {
	return fiber.NewError(fiber.StatusServiceUnavailable, errQuota.Error())
}

// Mapped keeps fiber's status mapping: the code is not always 5xx.
func Mapped() *fiber.App {
	return fiber.New(fiber.Config{
		ErrorHandler: func(c *fiber.Ctx, err error) error {
			code := fiber.StatusInternalServerError
			var e *fiber.Error
			if errors.As(err, &e) {
				code = e.Code
			}
			return c.Status(code).JSON(fiber.Map{"error": err.Error()})
		},
	})
}
