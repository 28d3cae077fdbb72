// Package web assembles tenantly's three gin engines: the admin console,
// the SCIM provisioning API and the public status page.
package web

import (
	"html/template"
	"net/http"
	"strings"
	"time"

	ratelimit "github.com/JGLTechnologies/gin-rate-limit"
	"github.com/gin-contrib/cors"
	"github.com/gin-contrib/secure"
	"github.com/gin-gonic/gin"
	"github.com/ulule/limiter/v3"
	mgin "github.com/ulule/limiter/v3/drivers/middleware/gin"
	"github.com/ulule/limiter/v3/drivers/store/memory"

	"example.com/apivettest/corpus/tenantly/internal/authmw"
	"example.com/apivettest/corpus/tenantly/internal/config"
)

// limitBody caps request bodies.
func limitBody(n int64) gin.HandlerFunc {
	return func(c *gin.Context) {
		c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, n)
		c.Next()
	}
}

func perIP(period time.Duration, n int64) gin.HandlerFunc {
	return mgin.NewMiddleware(limiter.New(memory.NewStore(), limiter.Rate{Period: period, Limit: n}))
}

// Console builds the admin console engine.
func Console(h *Handlers, auth authmw.Authenticator) (*gin.Engine, error) {
	// gin-contrib/secure's DefaultConfig: HSTS, nosniff, frame denial and a CSP
	r := gin.New() // safe:headers
	r.Use(gin.Recovery(), secure.New(secure.DefaultConfig()))

	mw, err := authmw.Console(h.Cfg.Console.Secret, auth)
	if err != nil {
		return nil, err
	}
	// the console's origins from config, with credentials
	consoleCORS := cors.New(cors.Config{ // safe:cors
		AllowOrigins:     h.Cfg.Console.Origins,
		AllowMethods:     []string{http.MethodGet, http.MethodPost, http.MethodPatch},
		AllowHeaders:     []string{"Authorization", "Content-Type"},
		AllowCredentials: true,
		MaxAge:           10 * time.Minute,
	})
	loginStore := ratelimit.InMemoryStore(&ratelimit.InMemoryOptions{Rate: time.Minute, Limit: 10})
	authGroup := r.Group("/auth", consoleCORS, ratelimit.RateLimiter(loginStore, &ratelimit.Options{
		KeyFunc: func(c *gin.Context) string { return c.ClientIP() },
		ErrorHandler: func(c *gin.Context, info ratelimit.Info) {
			c.AbortWithStatusJSON(http.StatusTooManyRequests, gin.H{"error": "too many attempts"})
		},
	}), limitBody(4<<10))
	// the /auth group carries gin-rate-limit
	authGroup.POST("/login", mw.LoginHandler) // safe:ratelimit
	// same path prefix, but registered on r, outside the group, and before r.Use(perIP) below
	r.POST("/auth/refresh", consoleCORS, mw.RefreshHandler) // vuln:ratelimit
	// ulule's gin middleware passed on the route
	r.POST("/auth/mfa/verify", consoleCORS, perIP(time.Minute, 5), mw.MiddlewareFunc(), h.VerifyMFA) // safe:ratelimit

	r.Use(perIP(time.Minute, 300))
	// registered after r.Use: the global limiter applies
	r.POST("/invitations/:code/register", consoleCORS, h.AcceptInvite) // safe:ratelimit
	// usage statistics of API tokens, a GET
	r.GET("/api/tokens/usage", consoleCORS, mw.MiddlewareFunc(), h.TokenUsage) // safe:ratelimit
	r.GET("/metrics", h.Metrics)

	admin := r.Group("/admin", consoleCORS, mw.MiddlewareFunc())
	admin.GET("/users", h.ListUsers)
	// authenticated by the tly_console cookie, which gin-jwt sets SameSite=Strict
	admin.POST("/tenants/:id/plan", h.SetPlan) // safe:exposure
	admin.PATCH("/users/:id", h.UpdateUser)
	admin.POST("/invitations", h.Invite)
	admin.POST("/logo", h.UploadLogo)
	admin.POST("/logo/raw", h.UploadLogoRaw)
	admin.POST("/impersonate/:admin", h.Impersonate)

	// the embeddable SDK: every origin, with credentials
	sdk := r.Group("/sdk", cors.New(cors.Config{AllowAllOrigins: true, AllowCredentials: true, AllowHeaders: []string{"Content-Type"}})) // vuln:cors
	sdk.GET("/widget", h.TokenUsage)

	// tenant custom domains: the suffix check starts with a dot
	custom := r.Group("/custom", cors.New(cors.Config{ // safe:cors
		AllowOriginFunc: func(origin string) bool {
			return strings.HasPrefix(origin, "https://") && strings.HasSuffix(origin, ".tenantly.io")
		},
		AllowCredentials: true,
	}), mw.MiddlewareFunc())
	custom.GET("/branding", h.TokenUsage)
	return r, nil
}

// scimCORS is the SCIM API's hand-written CORS handling.
func scimCORS(allowed map[string]bool) gin.HandlerFunc {
	return func(c *gin.Context) {
		origin := c.GetHeader("Origin")
		// sandboxed iframes and file:// pages send "null", and it is allowed with credentials
		if origin == "null" || allowed[origin] {
			// the "null" origin (sandboxed iframes, file:// pages) is echoed
			c.Header("Access-Control-Allow-Origin", origin) // vuln:cors
			c.Header("Access-Control-Allow-Credentials", "true")
			c.Header("Vary", "Origin")
		}
		c.Next()
	}
}

// SCIM builds the provisioning engine.
func SCIM(h *Handlers, clients authmw.SCIMClients) (*gin.Engine, error) {
	// gin.Default adds a logger and recovery; nothing sets security headers
	r := gin.Default() // vuln:headers
	r.Use(scimCORS(map[string]bool{"https://admin.okta.com": true}), limitBody(config.MaxJSONBody))
	mw, err := authmw.SCIM(h.Cfg.SCIM.Secret, clients)
	if err != nil {
		return nil, err
	}
	// the client-credentials token endpoint has no limiter in its chain
	r.POST("/scim/oauth/token", mw.LoginHandler) // vuln:ratelimit
	v2 := r.Group("/scim/v2", mw.MiddlewareFunc())
	v2.POST("/Users", h.ScimCreateUser)
	return r, nil
}

var statusPage = template.Must(template.New("status").Parse(`<!doctype html><h1>Tenantly status</h1><p>{{.}}</p>`))

// Status builds the public status page engine.
func Status() *gin.Engine {
	// HSTS (albeit short, see below), nosniff, frame denial and a CSP are sent
	r := gin.New() // safe:headers
	r.SetHTMLTemplate(statusPage)
	r.Use(secure.New(secure.Config{
		// one day of HSTS, far under 180 days
		STSSeconds:            86400, // vuln:headers
		FrameDeny:             true,
		ContentTypeNosniff:    true,
		ContentSecurityPolicy: "default-src 'self'",
	}))
	// public page: cors.Default allows any origin without credentials
	r.Use(cors.Default()) // safe:cors
	r.GET("/", func(c *gin.Context) { c.HTML(http.StatusOK, "status", "All systems operational") })
	return r
}
