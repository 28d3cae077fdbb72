package httpserver

import (
	"log/slog"
	"net/http"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
	"github.com/go-chi/httprate"
	"github.com/unrolled/secure"

	"example.com/apivettest/corpus/parcelhub/internal/config"
	"example.com/apivettest/corpus/parcelhub/internal/handler"
	"example.com/apivettest/corpus/parcelhub/internal/tokens"
)

// Handlers groups what the routers dispatch to.
type Handlers struct {
	Auth      *handler.ConsoleAuth
	Shipments *handler.Shipments
	Drivers   *handler.Drivers
	Track     *handler.Track
	Tokens    *tokens.Service
	Origins   []string
	Log       *slog.Logger
}

// API is the merchant API router.
func API(h Handlers) http.Handler {
	// unrolled/secure with HSTS, frame deny and nosniff below
	r := chi.NewRouter() // safe:headers
	r.Use(middleware.RequestID, middleware.Recoverer)
	r.Use(secure.New(secureOptions(31536000)).Handler)
	r.Use(middleware.RequestSize(config.MaxJSONBytes))
	r.Use(consoleCORS(h.Origins))
	mountAuth(r, h)
	mountAccount(r, h)
	mountShipments(r, h)
	return r
}

func mountAuth(r chi.Router, h Handlers) {
	r.Route("/v1/auth", func(r chi.Router) {
		r.Use(authLimit())
		// the group's limiter applies
		r.Post("/login", h.Auth.Login) // safe:ratelimit
		// same group
		r.Post("/password/forgot", h.Auth.ForgotPassword) // safe:ratelimit
	})
}

func mountAccount(r chi.Router, h Handlers) {
	r.Route("/v1/account", func(r chi.Router) {
		// the reset endpoint sits outside the limited auth group
		r.Post("/password/reset", h.Auth.ResetPassword) // vuln:ratelimit
	})
}

func mountShipments(r chi.Router, h Handlers) {
	r.Group(func(r chi.Router) {
		r.Use(consoleAuth(h.Tokens))
		r.Get("/v1/shipments", h.Shipments.Search)
		// bearer-authenticated state change
		r.Post("/v1/shipments", h.Shipments.Create) // safe:exposure
		// "shipping" contains "pin" but a quote is not a credential endpoint
		r.Post("/v1/shipping/quotes", h.Shipments.Quote) // safe:ratelimit
		// creates a partner grant: "token"-like output, but not a login
		r.Post("/v1/shipments/{id}/grants", h.Shipments.Grant) // safe:ratelimit
		r.Post("/v1/shipments/{id}/label", h.Shipments.UploadLabel)
	})
}

// Driver is the driver app's router, served on its own port.
func Driver(h Handlers) http.Handler {
	// secure headers are set; only the HSTS max-age below is too short
	r := chi.NewRouter() // safe:headers
	// one day of HSTS
	opts := secureOptions(86400) // vuln:headers
	r.Use(secure.New(opts).Handler)
	r.Use(driverCORS())
	// per-route limiter on the PIN login
	r.With(httprate.LimitByIP(5, time.Minute)).Post("/v1/driver/pin", h.Drivers.Login) // safe:ratelimit
	r.Group(func(r chi.Router) {
		r.Use(driverAuth(h.Tokens))
		r.Post("/v1/driver/pickups/{id}", h.Drivers.NewPickup)
		// four-digit codes and no limiter on the route or the group
		r.Post("/v1/driver/pickups/{id}/verify", h.Drivers.VerifyPickup) // vuln:ratelimit
		r.Post("/v1/driver/deliveries/{id}/pod", h.Drivers.UploadPOD)
	})
	return r
}

// Track serves the public tracking pages (HTML).
func Track(h Handlers) http.Handler {
	// HTML pages with HSTS, nosniff and frame deny but no Content-Security-Policy
	r := chi.NewRouter() // vuln:headers
	r.Use(secure.New(secureOptions(31536000)).Handler)
	r.Use(trackCORS())
	r.Get("/track/{number}", h.Track.Page)
	// the recipient session cookie authenticates this form post, no CSRF token
	r.With(h.Track.RequireSession).Post("/track/{number}/instructions", h.Track.Instructions) // vuln:exposure
	return r
}
