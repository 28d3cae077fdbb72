package main

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"golang.org/x/time/rate"
)

type Handler struct{}

func (h *Handler) Login(c *gin.Context)    {}
func (h *Handler) Register(c *gin.Context) {}
func (h *Handler) Me(c *gin.Context)       {}
func (h *Handler) List(c *gin.Context)     { c.JSON(http.StatusOK, nil) }

// rateLimit is a hand-written limiter built on x/time/rate.
func rateLimit(r rate.Limit, burst int) gin.HandlerFunc {
	lim := rate.NewLimiter(r, burst)
	return func(c *gin.Context) {
		if !lim.Allow() {
			c.AbortWithStatus(http.StatusTooManyRequests)
			return
		}
		c.Next()
	}
}

func authRequired() gin.HandlerFunc {
	return func(c *gin.Context) {
		if c.GetHeader("Authorization") == "" {
			c.AbortWithStatus(http.StatusUnauthorized)
		}
	}
}

func securityHeaders(c *gin.Context) {
	c.Header("X-Frame-Options", "DENY")
	c.Header("X-Content-Type-Options", "nosniff")
	c.Next()
}

const apiPrefix = "/api/v1"

func main() {
	h := &Handler{}
	r := gin.Default() // want `router gin gin\.Default\(\) \(served\) \[gin\.Logger\(\)\{logging\}, gin\.Recovery\(\)\{recovery\}, securityHeaders\{security-headers\}<X-Frame-Options,X-Content-Type-Options>\]`
	r.Use(securityHeaders)
	r.GET("/health", func(c *gin.Context) { c.String(200, "ok") }) // want `GET /health \[gin\.Logger\(\)\{logging\}, gin\.Recovery\(\)\{recovery\}, securityHeaders\{security-headers\}<X-Frame-Options,X-Content-Type-Options>\] func literal`

	api := r.Group(apiPrefix)
	api.POST("/login", rateLimit(rate.Every(time.Second), 5), h.Login) // want `POST /api/v1/login \[gin\.Logger\(\)\{logging\}, gin\.Recovery\(\)\{recovery\}, securityHeaders\{security-headers\}<X-Frame-Options,X-Content-Type-Options>, rateLimit\{rate-limit\}\] h\.Login`
	api.POST("/register", h.Register)                                  // want `POST /api/v1/register \[gin\.Logger\(\)\{logging\}, gin\.Recovery\(\)\{recovery\}, securityHeaders\{security-headers\}<X-Frame-Options,X-Content-Type-Options>\] h\.Register`

	authed := api.Group("/users", authRequired())
	authed.GET("/me", h.Me) // want `GET /api/v1/users/me \[gin\.Logger\(\)\{logging\}, gin\.Recovery\(\)\{recovery\}, securityHeaders\{security-headers\}<X-Frame-Options,X-Content-Type-Options>, authRequired\{auth\}\] h\.Me`
	// After the routes above: applies to later ones only.
	api.Use(rateLimit(10, 10))
	api.GET("/items", h.List) // want `GET /api/v1/items \[gin\.Logger\(\)\{logging\}, gin\.Recovery\(\)\{recovery\}, securityHeaders\{security-headers\}<X-Frame-Options,X-Content-Type-Options>, rateLimit\{rate-limit\}\] h\.List`
	// The group copied api's chain when it was created.
	authed.GET("/items", h.List) // want `GET /api/v1/users/items \[gin\.Logger\(\)\{logging\}, gin\.Recovery\(\)\{recovery\}, securityHeaders\{security-headers\}<X-Frame-Options,X-Content-Type-Options>, authRequired\{auth\}\] h\.List`

	registerAdmin(r.Group("/admin"))
	r.Run(":8080") // want `start \(\*gin\.Engine\)\.Run gin gin\.Default\(\)`
}

func registerAdmin(g *gin.RouterGroup) {
	g.Use(authRequired())
	g.DELETE("/users/:id", func(c *gin.Context) {}) // want `DELETE /admin/users/:id \[gin\.Logger\(\)\{logging\}, gin\.Recovery\(\)\{recovery\}, securityHeaders\{security-headers\}<X-Frame-Options,X-Content-Type-Options>, authRequired\{auth\}\] func literal`
}
