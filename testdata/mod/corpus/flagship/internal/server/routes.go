// Package server assembles flagship's gin engines.
package server

import (
	"net/http"
	"strings"
	"time"

	jwt "github.com/appleboy/gin-jwt/v2"
	"github.com/gin-contrib/cors"
	"github.com/gin-contrib/secure"
	"github.com/gin-gonic/gin"

	"example.com/apivettest/corpus/flagship/internal/config"
	"example.com/apivettest/corpus/flagship/internal/handlers"
	"example.com/apivettest/corpus/flagship/internal/limits"
)

func secureConfig() secure.Config {
	return secure.Config{
		STSSeconds:            31536000,
		STSIncludeSubdomains:  true,
		FrameDeny:             true,
		ContentTypeNosniff:    true,
		ContentSecurityPolicy: "default-src 'none'; frame-ancestors 'none'",
		ReferrerPolicy:        "no-referrer",
		SSLProxyHeaders:       map[string]string{"X-Forwarded-Proto": "https"},
	}
}

// Dashboard builds the dashboard engine.
func Dashboard(cfg config.Config, auth *jwt.GinJWTMiddleware, d *handlers.Dashboard) *gin.Engine {
	// gin-contrib/secure with HSTS, frame deny and nosniff
	r := gin.New() // safe:headers
	r.Use(gin.Recovery(), secure.New(secureConfig()), limits.LimitBody(config.MaxBodyBytes))
	// an explicit list of dashboard origins with credentials
	r.Use(cors.New(cors.Config{ // safe:cors
		AllowOrigins:     cfg.Dashboard.Origins,
		AllowMethods:     []string{"GET", "POST", "PUT", "DELETE"},
		AllowHeaders:     []string{"Authorization", "Content-Type"},
		AllowCredentials: true,
		MaxAge:           10 * time.Minute,
	}))

	// registered before the engine-wide limiter below is added
	r.POST("/api/signup", d.Signup) // vuln:ratelimit

	authGroup := r.Group("/api/auth", limits.Login())
	// the login limiter is on the group
	authGroup.POST("/login", auth.LoginHandler) // safe:ratelimit
	// same group
	authGroup.POST("/refresh_token", auth.RefreshHandler) // safe:ratelimit
	authGroup.POST("/logout", auth.LogoutHandler)

	r.Use(limits.Global())
	// registered after the global limiter
	r.POST("/api/password/forgot", d.ForgotPassword) // safe:ratelimit

	api := r.Group("/api/projects/:pid", auth.MiddlewareFunc())
	api.GET("/flags", d.ListFlags)
	api.GET("/flags/sorted", d.ListSorted)
	// cookie-authenticated, but the cookie is SameSite=Strict
	api.PUT("/flags/:fid/rollout", d.SetRollout) // safe:exposure
	api.POST("/imports", d.Import)

	support := r.Group("/api/support", auth.MiddlewareFunc())
	support.GET("/audit", d.AuditSearch)
	return r
}

// Edge builds the SDK edge engine.
func Edge(e *handlers.Edge) *gin.Engine {
	// the default engine with only a nosniff header: no HSTS, no frame protection
	edge := gin.Default() // vuln:headers
	edge.Use(func(c *gin.Context) {
		c.Header("X-Content-Type-Options", "nosniff")
		c.Next()
	})
	// browsers call the edge from any site, without cookies
	edge.Use(cors.New(cors.Config{ // safe:cors
		AllowAllOrigins: true,
		AllowMethods:    []string{"GET", "POST"},
		AllowHeaders:    []string{"Content-Type", config.ServerKeyHdr},
	}))

	// the SDK limiter is added after this route
	edge.POST("/sdk/v1/auth", e.Exchange) // vuln:ratelimit
	edge.Use(limits.SDK())
	// registered after the SDK limiter
	edge.POST("/sdk/v1/token", e.Exchange) // safe:ratelimit
	edge.POST("/sdk/v1/evaluate", e.Evaluate)
	edge.GET("/sdk/v1/relay", e.Relay)
	return edge
}

// Docs serves the interactive API docs, which call the dashboard API with
// the user's cookie.
func Docs(cfg config.Config) *gin.Engine {
	// the same secure configuration as the dashboard
	r := gin.New() // safe:headers
	r.Use(secure.New(secureConfig()))
	// "https://flagship.evil.example" starts with "https://flagship"
	r.Use(cors.New(cors.Config{ // vuln:cors
		AllowOriginFunc: func(origin string) bool {
			return strings.HasPrefix(origin, "https://flagship")
		},
		AllowCredentials: true,
	}))
	r.StaticFS("/docs", http.Dir("/usr/share/flagship/docs"))
	return r
}

// Preview is the staging engine the product team uses for demos.
func Preview() *gin.Engine {
	// secure headers on the preview engine too
	r := gin.New() // safe:headers
	r.Use(secure.New(secureConfig()))
	corsCfg := cors.DefaultConfig()
	corsCfg.AllowAllOrigins = true
	corsCfg.AllowCredentials = true
	// all origins together with credentials
	r.Use(cors.New(corsCfg)) // vuln:cors
	return r
}

// Metrics serves only /metrics and /healthz.
func Metrics() *gin.Engine {
	m := gin.New()
	m.GET("/healthz", func(c *gin.Context) { c.String(http.StatusOK, "ok") })
	m.GET("/metrics", func(c *gin.Context) { c.String(http.StatusOK, "# no metrics yet\n") })
	return m
}
