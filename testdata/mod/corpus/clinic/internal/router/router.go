// Package router wires the clinic's chi routers.
package router

import (
	"net/http"
	"strings"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
	"github.com/go-chi/cors"
	"github.com/go-chi/httprate"
	"github.com/unrolled/secure"

	"example.com/apivettest/corpus/clinic/internal/config"
	"example.com/apivettest/corpus/clinic/internal/store"
	"example.com/apivettest/corpus/clinic/internal/tokens"
)

func secureOptions() secure.Options {
	return secure.Options{
		STSSeconds:            63072000,
		STSIncludeSubdomains:  true,
		ForceSTSHeader:        true,
		FrameDeny:             true,
		ContentTypeNosniff:    true,
		ContentSecurityPolicy: "default-src 'none'; frame-ancestors 'none'",
		ReferrerPolicy:        "no-referrer",
	}
}

// API builds the clinician API.
func API(cfg config.Config, st *store.Store, tok *tokens.Service) http.Handler {
	h := &handlers{store: st, tokens: tok}
	// unrolled/secure with HSTS, frame deny and nosniff wraps every route
	r := chi.NewRouter() // safe:headers
	r.Use(middleware.RequestID, middleware.Recoverer)
	r.Use(secure.New(secureOptions()).Handler)
	r.Use(middleware.RequestSize(1 << 20))
	// the origin is looked up in the configured map
	r.Use(cors.Handler(cors.Options{AllowOriginFunc: func(_ *http.Request, origin string) bool { return cfg.Origins[origin] }, AllowCredentials: true, AllowedMethods: []string{"GET", "POST"}})) // safe:cors

	r.Group(func(r chi.Router) {
		r.Use(httprate.LimitByIP(config.LoginAttempts, config.LoginWindow))
		// the group carries httprate
		r.Post("/login", h.Login) // safe:ratelimit
		// inside the same httprate group
		r.Post("/password/forgot", h.Forgot) // safe:ratelimit
	})
	// MFA codes are six digits and this route has no limiter
	r.Post("/mfa/verify", h.VerifyMFA) // vuln:ratelimit
	// a public policy document, read-only
	r.Get("/password-policy", h.PasswordPolicy) // safe:ratelimit

	r.Route("/patients", func(r chi.Router) {
		r.Use(h.bearer)
		r.Get("/", h.FindPatients)
		r.Get("/{id}/allergies", h.Allergies)
		// bearer token only, no cookie
		r.Post("/{id}/discharge", h.Discharge) // safe:exposure
	})

	r.Route("/directory", func(r chi.Router) {
		// the public ward directory: any origin, no credentials
		r.Use(cors.AllowAll().Handler) // safe:cors
		r.Get("/wards", h.Wards)
	})
	return r
}

// Labs builds the router the laboratories post results to.
func Labs(st *store.Store) http.Handler {
	h := &labHandlers{store: st}
	// no security-header middleware on this router
	r := chi.NewRouter() // vuln:headers
	r.Use(middleware.Recoverer)
	// HasSuffix without a dot: https://evilclinic.example also matches
	r.Use(cors.Handler(cors.Options{AllowOriginFunc: func(_ *http.Request, origin string) bool { return strings.HasSuffix(origin, "clinic.example") }, AllowCredentials: true})) // vuln:cors
	r.Post("/results", h.Result)
	r.Post("/results/batch", h.Batch)
	return r
}
