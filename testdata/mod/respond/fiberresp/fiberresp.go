// Package fiberresp holds the fiber services' response helpers.
package fiberresp

import "github.com/gofiber/fiber/v2"

// Fail writes the error's text with the caller's status.
func Fail(c *fiber.Ctx, code int, err error) error { // want Fail:`respond param 2 text status param 1$`
	return c.Status(code).JSON(fiber.Map{"error": err.Error()})
}

// OK writes v with 200.
func OK(c *fiber.Ctx, v any) error {
	return c.JSON(v)
}
