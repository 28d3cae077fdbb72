// Package echotimeouts sets the timeouts on echo's HTTP server only.
package echotimeouts

import (
	"time"

	"github.com/labstack/echo/v4"
)

// New builds the instance with header timeouts on e.Server.
func New() *echo.Echo {
	e := echo.New()
	e.HideBanner = true
	e.Server.ReadHeaderTimeout = 5 * time.Second
	e.Server.WriteTimeout = 30 * time.Second
	return e
}

// Run serves plain HTTP with the configured e.Server.
func Run() error {
	e := New()
	return e.Start(":8080")
}

// RunTLS serves HTTPS, which echo does with e.TLSServer.
func RunTLS() error {
	e := New()
	return e.StartTLS(":8443", "cert.pem", "key.pem") // want `AV804 medium: e.StartTLS serves with e.TLSServer, which sets neither ReadHeaderTimeout nor ReadTimeout \(timeouts set on e.Server do not apply to it\)`
}
