// Package httpx assembles the public router from the feature packages.
package httpx

import (
	"net/http"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
	"github.com/go-chi/cors"
	"github.com/unrolled/secure"

	"example.com/apivettest/corpus/roombook/internal/accounts"
	"example.com/apivettest/corpus/roombook/internal/authn"
	"example.com/apivettest/corpus/roombook/internal/config"
	"example.com/apivettest/corpus/roombook/internal/limits"
	"example.com/apivettest/corpus/roombook/internal/reservations"
)

// Deps is everything the router needs, built in main.
type Deps struct {
	Cfg      config.Config
	Issuer   *authn.Issuer
	Partners authn.PartnerVerifier
	Bookings *reservations.Handlers
	Accounts *accounts.Handlers
}

// NewRouter returns the public API.
func NewRouter(d Deps) http.Handler {
	// HSTS, nosniff and frame denial come from unrolled/secure below
	r := chi.NewRouter() // safe:headers
	r.Use(middleware.RequestID, middleware.RealIP, middleware.Recoverer)
	r.Use(middleware.RequestSize(config.MaxBodyBytes))
	r.Use(securityHeaders())

	r.Group(func(g chi.Router) {
		// the options struct is built in a helper: an explicit origin list with credentials
		g.Use(cors.Handler(guestCORS(d.Cfg.CORS))) // safe:cors
		mountAccounts(g, d.Accounts)
		mountBookings(g, d)
	})
	mountPartners(r, d)
	return r
}

func securityHeaders() func(http.Handler) http.Handler {
	return secure.New(secure.Options{
		STSSeconds:           31536000,
		STSIncludeSubdomains: true,
		FrameDeny:            true,
		ContentTypeNosniff:   true,
		ReferrerPolicy:       "no-referrer",
		SSLProxyHeaders:      map[string]string{"X-Forwarded-Proto": "https"},
	}).Handler
}

func guestCORS(c config.CORS) cors.Options {
	return cors.Options{
		AllowedOrigins:   c.Origins,
		AllowedMethods:   []string{http.MethodGet, http.MethodPost, http.MethodDelete},
		AllowedHeaders:   []string{"Authorization", "Content-Type"},
		AllowCredentials: true,
		MaxAge:           600,
	}
}

func mountAccounts(r chi.Router, a *accounts.Handlers) {
	// sign-in is throttled per client address on the route itself
	r.With(limits.PerIP(5, time.Minute)).Post("/v1/login", a.Login()) // safe:ratelimit
	r.Group(func(g chi.Router) {
		g.Use(limits.PerIP(20, time.Hour))
		// registration shares the group's limiter
		g.Post("/v1/register", a.Register()) // safe:ratelimit
		// so does the refresh-token exchange
		g.Post("/v1/token/refresh", a.Refresh()) // safe:ratelimit
	})
	// the reset mail is sent for every request, with no throttle in the chain
	r.Post("/v1/password/forgot", a.ForgotPassword()) // vuln:ratelimit
	// public list of sign-in providers: a GET under an auth word, not a credential endpoint
	r.Get("/v1/auth/providers", a.Providers()) // safe:ratelimit
}

func mountBookings(r chi.Router, d Deps) {
	r.Route("/v1/hotels/{hotelID}", func(hr chi.Router) {
		hr.Get("/availability", d.Bookings.Availability())
		hr.Group(func(g chi.Router) {
			g.Use(authn.RequireGuest(d.Issuer))
			g.Get("/bookings", d.Bookings.List())
			// bearer-token authenticated: no cookie, so no CSRF exposure
			g.Post("/bookings", d.Bookings.Create()) // safe:exposure
			g.Post("/bookings/confirm", d.Bookings.Confirm())
			g.Get("/guests", d.Bookings.SearchGuests())
		})
	})
}

func mountPartners(r chi.Router, d Deps) {
	r.Route("/partner", func(pr chi.Router) {
		// partner consoles live on subdomains, but the suffix has no leading
		// dot: "https://evilroombook.com" passes, with credentials
		pr.Use(cors.Handler(cors.Options{ // vuln:cors
			AllowOriginFunc: func(_ *http.Request, origin string) bool {
				return strings.HasSuffix(origin, "roombook.com")
			},
			AllowedHeaders:   []string{"Authorization", "Content-Type"},
			AllowCredentials: true,
		}))
		// the assertion exchange is a token endpoint with no limiter anywhere in its chain
		pr.Post("/oauth/token", d.Partners.Exchange()) // vuln:ratelimit
		pr.With(d.Partners.Require).Get("/hotels/{hotelID}/bookings", d.Bookings.List())
	})
}
