// Package api builds routers that main serves.
package api

import (
	"net/http"

	"github.com/go-chi/chi/v5"
)

func login(w http.ResponseWriter, r *http.Request) {}

// Router is served by main behind a limiter.
func Router() http.Handler {
	r := chi.NewRouter()
	r.Post("/login", login)
	return r
}

// Bare is served by main as is.
func Bare() *chi.Mux {
	r := chi.NewRouter()
	r.Post("/auth/token", login) // want `AV201 .*POST /auth/token has no rate limiter and no middleware at all`
	return r
}

// Auth is mounted by main.
func Auth() chi.Router {
	r := chi.NewRouter()
	r.Post("/signin", login) // want `AV201 .*POST /auth/signin has no rate limiter in its middleware chain \(middleware.Logger\)`
	return r
}
