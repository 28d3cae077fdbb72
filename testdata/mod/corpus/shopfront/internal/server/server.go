// Package server assembles the shopfront's gin engines.
package server

import (
	"html/template"
	"net/http"
	"os"
	"time"

	jwt "github.com/appleboy/gin-jwt/v2"
	"github.com/gin-contrib/cors"
	"github.com/gin-contrib/secure"
	"github.com/gin-gonic/gin"

	"example.com/apivettest/corpus/shopfront/internal/config"
	"example.com/apivettest/corpus/shopfront/internal/handlers"
	"example.com/apivettest/corpus/shopfront/internal/limits"
)

// securityConfig is the header policy of the public API.
func securityConfig(cfg config.Config) secure.Config {
	c := secure.DefaultConfig()
	c.SSLRedirect = false // TLS ends at the load balancer
	c.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'"
	return c
}

// corsConfig lets the shop's own front-ends send cookies.
func corsConfig(cfg config.Config) cors.Config {
	return cors.Config{
		AllowOrigins:     cfg.AllowedOrigins,
		AllowMethods:     []string{"GET", "POST", "PUT", "DELETE"},
		AllowHeaders:     []string{"Authorization", "Content-Type"},
		AllowCredentials: true,
		MaxAge:           12 * time.Hour,
	}
}

// Public builds the storefront API.
func Public(cfg config.Config, h *handlers.H, auth *jwt.GinJWTMiddleware) *gin.Engine {
	// secure.New with the default policy is the first middleware
	r := gin.New() // safe:headers
	r.Use(gin.Recovery(), secure.New(securityConfig(cfg)), limits.MaxBody(1<<20))
	// explicit origin list, built in corsConfig, with credentials
	r.Use(cors.New(corsConfig(cfg))) // safe:cors

	authGroup := r.Group("/auth", limits.AuthLimiter(cfg.AuthPerMinute))
	// the group carries the login limiter
	authGroup.POST("/login", auth.LoginHandler) // safe:ratelimit
	// in the limited /auth group
	authGroup.POST("/register", h.Register) // safe:ratelimit
	// in the limited /auth group
	authGroup.POST("/refresh", auth.RefreshHandler) // safe:ratelimit
	// public list of providers under /auth, not a credential endpoint
	r.GET("/auth/providers", h.Providers) // safe:ratelimit

	account := r.Group("/account", auth.MiddlewareFunc())
	// no limiter: a stolen cookie can guess the current password forever; the Lax cookie covers CSRF
	account.POST("/password", h.ChangePassword) // vuln:ratelimit // safe:exposure
	// registered before the r.Use(limits.PerIP) below, so it is not limited
	r.POST("/password/forgot", h.ForgotPassword) // vuln:ratelimit

	r.Use(limits.PerIP(120))
	// registered after the general limiter, so it is limited
	r.POST("/newsletter/verify", h.VerifyNewsletter) // safe:ratelimit

	public := r.Group("/catalog")
	// anyone may read the catalog; no credentials
	public.Use(cors.Default()) // safe:cors
	public.GET("/search", h.Search)
	public.GET("/c/:category", h.List)
	public.GET("/featured", h.Featured)
	public.GET("/c/:category/totals", h.Totals)
	public.GET("/avatar", h.Avatar)
	// a guest cart session, registered after the general limiter
	r.POST("/guest", h.StartGuestSession) // safe:ratelimit

	merchant := r.Group("/merchant", auth.MiddlewareFunc())
	merchant.GET("/export", h.Export)
	// gin-jwt accepts the Lax shop_jwt cookie here
	merchant.POST("/products/:id/image", h.UploadImage) // safe:exposure
	merchant.POST("/products/:id/manual", h.UploadManual)
	merchant.POST("/brand/logo", h.UploadLogo)
	return r
}

// Admin builds the back-office UI, which renders HTML.
func Admin(cfg config.Config) *gin.Engine {
	// no Content-Security-Policy although this engine renders HTML templates
	admin := gin.Default() // vuln:headers
	admin.SetHTMLTemplate(template.Must(template.New("dashboard.tmpl").Parse(`<h1>{{.title}}</h1>`)))
	admin.Use(secure.New(secure.Config{STSSeconds: 31536000, FrameDeny: true, ContentTypeNosniff: true}))
	// every origin, with cookies and basic-auth credentials
	admin.Use(cors.New(cors.Config{AllowAllOrigins: true, AllowCredentials: true, AllowMethods: []string{"GET", "POST"}})) // vuln:cors

	pw := os.Getenv("SHOP_ADMIN_PASSWORD")
	if pw == "" {
		// a real fallback password in the source
		pw = "Adm1n!Shopfront#2024" // vuln:secrets
	}
	ops := admin.Group("/", gin.BasicAuth(gin.Accounts{"ops": pw}))
	ops.GET("/", handlers.AdminHome)
	ops.POST("/prices", handlers.AdminBulkPrice)
	return admin
}

// AdminServer wraps the admin engine in a server with a read timeout.
func AdminServer(cfg config.Config, h http.Handler) *http.Server {
	// ReadTimeout bounds the header read too
	return &http.Server{Addr: cfg.AdminAddr, Handler: h, ReadTimeout: 10 * time.Second} // safe:transport
}
