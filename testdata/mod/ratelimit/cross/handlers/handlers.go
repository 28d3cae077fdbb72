// Package handlers registers its routes through a registrar interface
// that main calls in a loop.
package handlers

import "github.com/gin-gonic/gin"

type Auth struct{}

func (a *Auth) Login(c *gin.Context) {}

// RegisterRoutes: main's group has no limiter.
func (a *Auth) RegisterRoutes(g *gin.RouterGroup) {
	g.POST("/auth/login", a.Login) // want `AV201 .*POST /v2/auth/login has no rate limiter in its middleware chain \(gin.Logger\)`
}

type Accounts struct{}

func (a *Accounts) Reset(c *gin.Context) {}

// RegisterRoutes: the route carries its own limiter.
func (a *Accounts) RegisterRoutes(g *gin.RouterGroup) {
	g.POST("/password/reset", a.Reset)
}
