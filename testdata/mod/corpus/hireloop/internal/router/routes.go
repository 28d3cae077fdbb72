// Package router assembles hireloop's echo instances.
package router

import (
	"crypto/subtle"
	"net/http"
	"regexp"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	"golang.org/x/time/rate"

	"example.com/apivettest/corpus/hireloop/internal/auth"
	"example.com/apivettest/corpus/hireloop/internal/config"
	"example.com/apivettest/corpus/hireloop/internal/handler"
	"example.com/apivettest/corpus/hireloop/internal/partners"
)

// Deps is wired in main.
type Deps struct {
	Cfg       *config.Config
	Recruiter *handler.Recruiter
	Careers   *handler.Careers
	Partners  *partners.Verifier
	Login     echo.HandlerFunc
	Token     echo.HandlerFunc
}

var recruiterOrigin = regexp.MustCompile(`^https://[a-z0-9-]+\.hireloop\.io$`)

// integrationOrigin is meant to match the ATS integrations' domains.
var integrationOrigin = regexp.MustCompile(`https://.*\.hireloop-apps\.com`)

func authLimiter() echo.MiddlewareFunc {
	return middleware.RateLimiterWithConfig(middleware.RateLimiterConfig{
		Store: middleware.NewRateLimiterMemoryStoreWithConfig(middleware.RateLimiterMemoryStoreConfig{Rate: rate.Limit(0.2), Burst: 5, ExpiresIn: 10 * time.Minute}),
		IdentifierExtractor: func(c echo.Context) (string, error) {
			return c.RealIP(), nil
		},
	})
}

// API builds the recruiter API.
func API(d Deps) *echo.Echo {
	// echo's Secure() defaults send no Strict-Transport-Security
	e := echo.New() // vuln:headers
	e.HideBanner = true
	e.Use(middleware.Recover(), middleware.Secure())
	// the origin regexp is anchored at both ends
	e.Use(middleware.CORSWithConfig(middleware.CORSConfig{ // safe:cors
		AllowOriginFunc: func(origin string) (bool, error) {
			return recruiterOrigin.MatchString(origin), nil
		},
		AllowCredentials: true,
		AllowHeaders:     []string{echo.HeaderAuthorization, echo.HeaderContentType},
	}))
	// metrics are behind basic auth
	e.GET("/metrics", func(c echo.Context) error { return c.String(http.StatusOK, "") }, middleware.BasicAuth(func(user, pass string, c echo.Context) (bool, error) {
		// the password from the request is compared with == against the configured one
		return user == "metrics" && pass == d.Cfg.MetricsPass, nil // vuln:secrets
	}))

	authG := e.Group("/api/v1/auth", authLimiter())
	// the group carries the limiter
	authG.POST("/login", d.Login) // safe:ratelimit
	// same group
	authG.POST("/token", d.Token) // safe:ratelimit

	api := e.Group("/api/v1", auth.RecruiterJWT(d.Cfg.JWTKey), middleware.BodyLimit("2M"))
	api.GET("/jobs/:job/applications", d.Recruiter.List)
	// bearer token in the Authorization header, no cookie
	api.PUT("/applications/:id/stage", d.Recruiter.Move) // safe:exposure
	api.GET("/applications/:id/notes/:kind", d.Recruiter.Notes)
	api.POST("/applications/:id/attachments", d.Recruiter.Attach)
	api.GET("/stats", d.Recruiter.Stats)
	api.GET("/panel", d.Recruiter.ShufflePanel)
	// an approval; "Authorize" in the handler name is not a credential endpoint
	api.POST("/offers/:id/approve", d.Recruiter.AuthorizeOffer) // safe:ratelimit

	integ := e.Group("/integrations/v1", d.Partners.Middleware())
	// the unanchored pattern also matches https://x.hireloop-apps.com.evil.example
	integ.Use(middleware.CORSWithConfig(middleware.CORSConfig{ // vuln:cors
		AllowOriginFunc: func(origin string) (bool, error) {
			return integrationOrigin.MatchString(origin), nil
		},
		AllowCredentials: true,
	}))
	integ.GET("/jobs/:job/applications", d.Recruiter.List)
	e.GET("/integrations/ping", func(c echo.Context) error {
		if !constantTimeEqual(c.Request().Header.Get(config.PartnerKeyHeader), d.Cfg.PartnerPingKey) {
			return c.NoContent(http.StatusUnauthorized)
		}
		return c.NoContent(http.StatusNoContent)
	})
	return e
}

// Careers builds the careers site and candidate portal (HTML).
func Careers(d Deps) *echo.Echo {
	// HSTS, nosniff, DENY and a CSP are configured below
	e := echo.New() // safe:headers
	e.HideBanner = true
	e.Renderer = handler.NewTemplates()
	e.Use(middleware.SecureWithConfig(middleware.SecureConfig{
		XSSProtection:      "0",
		ContentTypeNosniff: "nosniff",
		XFrameOptions:      "DENY",
		HSTSMaxAge:         31536000,
		// inline scripts allowed for the legacy apply form
		ContentSecurityPolicy: "default-src 'self'; script-src 'self' 'unsafe-inline'; frame-ancestors 'none'", // vuln:headers
	}))
	// a single explicit origin with credentials
	e.Use(middleware.CORSWithConfig(middleware.CORSConfig{ // safe:cors
		AllowOrigins:     d.Cfg.CareersHosts,
		AllowCredentials: true,
	}))
	e.GET("/careers/jobs/:job", d.Careers.Job)
	e.POST("/careers/jobs/:job/apply", d.Careers.Apply)

	signin := e.Group("/careers", authLimiter(), middleware.BodyLimit("64K"))
	// limited on the group
	signin.POST("/login", d.Careers.SendMagicLink) // safe:ratelimit
	// consuming the link is limited on the same group
	signin.GET("/auth/:token", d.Careers.ConsumeMagicLink) // safe:ratelimit
	// sending a code is limited on the group
	signin.POST("/verify-email/send", d.Careers.SendEmailCode) // safe:ratelimit

	// six-digit codes; this route has no limiter
	e.POST("/careers/verify-email", d.Careers.VerifyEmail) // vuln:ratelimit

	portal := e.Group("/careers/portal", d.Careers.Session, middleware.BodyLimit("64K"), middleware.CSRFWithConfig(middleware.CSRFConfig{
		TokenLookup:    "form:_csrf",
		CookieSecure:   true,
		CookieHTTPOnly: true,
		CookieSameSite: http.SameSiteStrictMode,
	}))
	// the portal group checks a CSRF token
	portal.POST("/withdraw", d.Careers.Withdraw) // safe:exposure
	// a password endpoint with no limiter in its chain (CSRF is checked by the group)
	portal.POST("/password", d.Careers.SetPassword) // vuln:ratelimit // safe:exposure
	return e
}

// Widget builds the embeddable job-list API that customer sites call.
func Widget(d Deps) *echo.Echo {
	// HSTS and frame protection configured
	e := echo.New() // safe:headers
	e.HideBanner = true
	e.Use(middleware.SecureWithConfig(middleware.SecureConfig{ContentTypeNosniff: "nosniff", XFrameOptions: "SAMEORIGIN", HSTSMaxAge: 31536000}))
	// public job data for any site, no credentials
	e.Use(middleware.CORSWithConfig(middleware.CORSConfig{AllowOrigins: []string{"*"}, AllowMethods: []string{http.MethodGet}})) // safe:cors
	e.GET("/widget/jobs", func(c echo.Context) error { return c.JSON(http.StatusOK, []string{}) })
	return e
}

// Embed builds the "apply with hireloop" button API used on partner sites,
// where the candidate's portal cookie should travel along.
func Embed(d Deps) *echo.Echo {
	// HSTS, nosniff and DENY below
	e := echo.New() // safe:headers
	e.Use(middleware.SecureWithConfig(middleware.SecureConfig{ContentTypeNosniff: "nosniff", XFrameOptions: "DENY", HSTSMaxAge: 31536000}))
	// any origin with credentials
	e.Use(middleware.CORSWithConfig(middleware.CORSConfig{ // vuln:cors
		AllowOrigins:                             []string{"*"},
		AllowCredentials:                         true,
		UnsafeWildcardOriginWithAllowCredentials: true,
	}))
	e.GET("/embed/status", func(c echo.Context) error { return c.NoContent(http.StatusNoContent) })
	return e
}

// constantTimeEqual is used by the partner ping endpoint.
func constantTimeEqual(a, b string) bool {
	// constant-time compare of the partner key
	return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1 // safe:secrets
}
