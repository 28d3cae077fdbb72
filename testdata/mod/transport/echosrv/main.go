// Package echosrv starts the booking service's echo instance.
package echosrv

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
)

// Main is echo's quick start.
func Main() {
	e := echo.New()
	e.GET("/", func(c echo.Context) error { return c.String(http.StatusOK, "hi") })
	e.Logger.Fatal(e.Start(":1323")) // want `AV804 medium: e.Start serves with e.Server, which sets neither ReadHeaderTimeout nor ReadTimeout: .*; set e.Server.ReadHeaderTimeout before starting`
}

// MainTLS serves HTTPS.
func MainTLS() error {
	e := echo.New()
	return e.StartTLS(":1443", "cert.pem", "key.pem") // want `AV804 medium: e.StartTLS serves with e.TLSServer, which sets neither`
}

// CustomBare hands echo a server without timeouts.
func CustomBare(e *echo.Echo) error {
	return e.StartServer(&http.Server{Addr: ":8081"}) // want `AV804 medium: http.Server sets neither ReadHeaderTimeout nor ReadTimeout`
}

// --- safe look-alikes ---

// FromCaller starts an instance configured by its caller.
func FromCaller(e *echo.Echo) error {
	return e.Start(":1324")
}

// Custom hands echo a configured server.
func Custom(e *echo.Echo) error {
	s := &http.Server{Addr: ":8080", ReadTimeout: 30 * time.Second, WriteTimeout: 30 * time.Second}
	return e.StartServer(s)
}

// Loopback serves a local-only instance.
func Loopback() error {
	e := echo.New()
	return e.Start("localhost:1325")
}
