// Package kiosk is the attendance check-in kiosk on the school LAN.
package kiosk

import (
	"fmt"
	"log/slog"
	"net/http"

	"example.com/apivettest/corpus/schoolbook/internal/identity"
)

// Register adds the kiosk handlers to the default mux.
func Register(a *identity.Authority, log *slog.Logger) {
	http.HandleFunc("/kiosk/checkin", func(w http.ResponseWriter, r *http.Request) {
		c, err := a.ParseKioskBadge(r.URL.Query().Get("badge"))
		if err != nil {
			w.WriteHeader(http.StatusInternalServerError)
			// the verification error is written to the kiosk screen with a 500
			fmt.Fprintf(w, "check-in failed: %v", err) // vuln:exposure
			return
		}
		log.Info("checked in", "student", c.Subject)
		w.WriteHeader(http.StatusNoContent)
	})
}

// Serve starts the kiosk listener on the default mux.
func Serve(addr string) error {
	// the default mux with no header middleware, and no timeouts
	return http.ListenAndServe(addr, nil) // vuln:headers,transport
}
