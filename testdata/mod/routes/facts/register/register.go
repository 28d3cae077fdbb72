// Package register adds routes to routers it receives and builds routers.
package register

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"example.com/apivettest/routes/facts/limits"
)

func login(w http.ResponseWriter, r *http.Request) {}

// Auth adds the auth routes to r.
func Auth(r chi.Router) { // want Auth:`routes param 0: POST /login POST /reset \[limits.PerIP\]`
	r.Post("/login", login)
	r.With(limits.PerIP).Post("/reset", login)
}

// Router builds the service router.
func Router() *chi.Mux { // want Router:`routes returns chi deferred use\(limits.Chi\) POST /auth/login deferred POST /auth/reset \[limits.PerIP\] deferred`
	r := chi.NewRouter()
	r.Use(limits.Chi())
	r.Route("/auth", Auth)
	return r
}

// Same returns the router it is given.
func Same(r *chi.Mux) *chi.Mux { return r } // want Same:`routes returns param 0`

// Handle answers for the handler it wraps.
func Handle(w http.ResponseWriter, r *http.Request) {
	limits.TooMany(w)
}
