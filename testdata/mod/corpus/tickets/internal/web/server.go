// Package web is the ticket service's echo layer.
package web

import (
	"net/http"

	echojwt "github.com/labstack/echo-jwt/v4"
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	"golang.org/x/time/rate"

	"example.com/apivettest/corpus/tickets/internal/config"
	"example.com/apivettest/corpus/tickets/internal/repo"
	"example.com/apivettest/corpus/tickets/internal/tokens"
)

// NewAPI builds the API and the two browser front-ends that share its host.
func NewAPI(cfg config.Settings, r *repo.Repo) *echo.Echo {
	h := &handlers{cfg: cfg, repo: r, sessions: newSessions()}

	// apiSecure sends HSTS only: no nosniff, no frame protection
	e := echo.New() // vuln:headers
	e.Use(middleware.Recover())
	e.Use(middleware.SecureWithConfig(apiSecure))
	// the allowed origins are an explicit list from the configuration
	e.Use(middleware.CORSWithConfig(middleware.CORSConfig{AllowOrigins: cfg.Origins, AllowCredentials: true})) // safe:cors

	// outside the /api group: no body limit applies
	e.POST("/ingest/email", h.IngestEmail)
	// registered on e, not on the limited /api/auth group below
	e.POST("/api/auth/refresh", h.Refresh) // vuln:ratelimit

	loginLimiter := middleware.RateLimiter(middleware.NewRateLimiterMemoryStore(rate.Limit(0.2)))
	// limiter and body limit on the route itself
	e.POST("/app/login", h.AppLogin, loginLimiter, middleware.BodyLimit("16K")) // safe:ratelimit

	api := e.Group("/api", middleware.BodyLimit("1M"))
	authG := api.Group("/auth", loginLimiter)
	// the /api/auth group carries the rate limiter
	authG.POST("/login", h.Login) // safe:ratelimit
	// the /api/auth group carries the rate limiter
	authG.POST("/token", h.ClientToken) // safe:ratelimit

	// echo-jwt's default keyfunc checks the HS256 algorithm itself
	agent := api.Group("", echojwt.WithConfig(echojwt.Config{SigningKey: cfg.JWTSecret})) // safe:jwt
	agent.GET("/tickets", h.List)
	// authenticated by the Authorization header only
	agent.POST("/tickets", h.Create) // safe:exposure
	agent.PUT("/tickets/:id/labels", h.SetLabels)
	agent.GET("/reports", h.Report)

	app := e.Group("/app", h.agentSession, middleware.CSRFWithConfig(middleware.CSRFConfig{
		TokenLookup:    "header:" + config.CSRFHeaderName,
		CookieSecure:   true,
		CookieHTTPOnly: true,
		CookieSameSite: http.SameSiteStrictMode,
	}))
	// cookie session, but the group has echo's CSRF middleware
	app.POST("/tickets/:id/close", h.CloseFromApp) // safe:exposure

	portal := e.Group("/portal", middleware.BodyLimit("64K"))
	// origin check with strings.Contains: tickets.example.com.evil.io passes
	portal.Use(middleware.CORSWithConfig(portalCORS)) // vuln:cors
	// the customer login has no limiter
	portal.POST("/login", h.PortalLogin) // vuln:ratelimit
	customer := portal.Group("", h.portalSession)
	// cookie session (no SameSite) and no CSRF token
	customer.POST("/tickets", h.PortalCreate) // vuln:exposure
	customer.GET("/tickets", h.PortalList)

	mobile := portal.Group("/m", echojwt.WithConfig(echojwt.Config{ParseTokenFunc: tokens.PortalParser(cfg.JWTSecret)}))
	mobile.GET("/tickets", h.PortalList)

	// any origin is reflected together with credentials
	widget := e.Group("/widget", middleware.CORSWithConfig(middleware.CORSConfig{AllowOrigins: []string{"*"}, AllowCredentials: true, UnsafeWildcardOriginWithAllowCredentials: true})) // vuln:cors
	widget.GET("/tickets/:id/status", h.PortalList)
	return e
}

// NewStatus builds the public HTML status page.
func NewStatus() *echo.Echo {
	// statusSecure carries HSTS, nosniff, X-Frame-Options and a CSP
	s := echo.New() // safe:headers
	s.Use(middleware.SecureWithConfig(statusSecure))
	// echo's default CORS: any origin, no credentials
	s.Use(middleware.CORS()) // safe:cors
	s.GET("/", func(c echo.Context) error {
		return c.HTML(http.StatusOK, "<h1>All systems operational</h1>")
	})
	return s
}
