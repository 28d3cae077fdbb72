// Package srv starts the servers main hands it routers for.
package srv

import (
	"net/http"
	"time"

	"example.com/apivettest/headers/mw"
)

// New puts the handler in the server it returns.
func New(addr string, h http.Handler) *http.Server {
	return &http.Server{Addr: addr, Handler: h, ReadHeaderTimeout: 5 * time.Second}
}

// Run serves the handler behind the header middleware.
func Run(addr string, h http.Handler) error {
	return http.ListenAndServe(addr, mw.SecureHeaders(h))
}
