// Package api registers the routes of the service.
package api

import (
	"github.com/gin-gonic/gin"

	"example.com/apivettest/routes/graph/mw"
)

type Handler struct{}

func (h *Handler) Login(c *gin.Context)  {}
func (h *Handler) Forgot(c *gin.Context) {}
func (h *Handler) List(c *gin.Context)   {}

// Register adds the API to the engine it receives.
func Register(r *gin.Engine, h *Handler) {
	auth := r.Group("/auth")
	auth.POST("/login", h.Login)                            // want `POST /auth/login \[\] h\.Login`
	auth.POST("/forgot", mw.NewIPLimiter().Gin(), h.Forgot) // want `POST /auth/forgot \[mw\.NewIPLimiter\(\)\.Gin\{rate-limit\}\] h\.Forgot`
	r.Use(mw.Logger())
	r.GET("/items", h.List) // want `GET /items \[mw\.Logger\{logging\}\] h\.List`
}

// NewRouter builds a whole engine.
func NewRouter(h *Handler) *gin.Engine {
	r := gin.New() // want `router gin gin\.New\(\) \(returned\) \[mw\.Headers\{security-headers\}<Strict-Transport-Security,X-Content-Type-Options,X-Frame-Options>\]`
	r.Use(mw.Headers())
	r.POST("/v2/login", h.Login) // want `POST /v2/login \[mw\.Headers\{security-headers\}<Strict-Transport-Security,X-Content-Type-Options,X-Frame-Options>\] h\.Login`
	return r
}
