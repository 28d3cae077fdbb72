// Package routes registers routes on routers that main builds: main
// judges them, with the middleware it applies, and reports here.
package routes

import (
	"github.com/gin-gonic/gin"

	"example.com/apivettest/ratelimit/mw"
)

type Handlers struct{}

func (h *Handlers) Login(c *gin.Context)   {}
func (h *Handlers) SignUp(c *gin.Context)  {}
func (h *Handlers) Profile(c *gin.Context) {}

// Register: main calls it on a router without a limiter.
func Register(r *gin.Engine, h *Handlers) {
	v1 := r.Group("/api/v1")
	v1.POST("/users", h.SignUp) // want `AV201 .*POST /api/v1/users has no rate limiter in its middleware chain \(gin.Logger\)`
	v1.PUT("/users/me", h.Profile)
	auth := v1.Group("/auth", mw.New().Gin())
	auth.POST("/login", h.Login)
	//apivet:ignore AV201 the gateway limits this route
	v1.POST("/register", h.SignUp)
}

// RegisterLimited: main calls it on a group that has a limiter.
func RegisterLimited(g *gin.RouterGroup, h *Handlers) {
	g.POST("/login", h.Login)
	registerMore(g, h)
}

func registerMore(g *gin.RouterGroup, h *Handlers) {
	g.POST("/signup", h.SignUp)
}

// Unused is called by nobody: nothing is reported.
func Unused(r *gin.Engine, h *Handlers) {
	r.POST("/login", h.Login)
}
