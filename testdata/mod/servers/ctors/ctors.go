// Package ctors builds echo and fiber servers for other packages.
package ctors

import (
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/labstack/echo/v4"
)

// Admin leaves echo's server as echo.New made it.
func Admin() *echo.Echo { // want Admin:`servers echo untimed`
	e := echo.New()
	e.GET("/reports", func(c echo.Context) error { return nil })
	return e
}

// Public sets a read-header timeout on the server echo.New made.
func Public() *echo.Echo { // want Public:`servers echo timed`
	e := echo.New()
	e.Server.ReadHeaderTimeout = 5 * time.Second
	return e
}

// Ingest builds a fiber app without a ReadTimeout.
func Ingest() *fiber.App { // want Ingest:`servers fiber untimed`
	return fiber.New(fiber.Config{BodyLimit: 1 << 20})
}

// Console builds one with a ReadTimeout.
func Console() *fiber.App { // want Console:`servers fiber timed`
	return fiber.New(fiber.Config{ReadTimeout: 10 * time.Second})
}

// Wrap configures an echo it is given: not known.
func Wrap(e *echo.Echo) *echo.Echo { // want Wrap:`servers echo timed`
	e.HideBanner = true
	return e
}
