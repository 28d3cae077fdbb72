// Package echoreplace replaces echo's server with a configured one.
package echoreplace

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
)

// Run replaces e.Server before starting.
func Run() error {
	e := echo.New()
	e.Server = &http.Server{ReadHeaderTimeout: 5 * time.Second, IdleTimeout: time.Minute}
	return e.Start(":8080")
}
