// Package api registers the billing pages on the router its command
// builds; the command decides what wraps them.
package api

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/gorilla/sessions"

	"example.com/apivettest/exposure/csrfcross/auth"
)

func pay(w http.ResponseWriter, r *http.Request)      {}
func invoices(w http.ResponseWriter, r *http.Request) {}
func cancel(w http.ResponseWriter, r *http.Request)   {}

// Register adds the billing routes.
func Register(r chi.Router, store sessions.Store) {
	r.Group(func(r chi.Router) {
		r.Use(auth.RequireSession(store))
		r.Get("/invoices", invoices)
		r.Post("/invoices/{id}/pay", pay) // want `AV903 medium: POST /invoices/\{id\}/pay is authenticated by a session cookie \(read by auth.RequireSession\) and has no CSRF protection`
		//apivet:ignore AV903 cancellation asks for the account password again
		r.Post("/invoices/{id}/cancel", cancel)
	})
}
