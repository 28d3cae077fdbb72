// Package gintable registers gin routes from a package-level table with
// keyed fields; one table carries a limiter in the outer group.
package gintable

import (
	"github.com/gin-gonic/gin"
	"github.com/ulule/limiter/v3"
	mgin "github.com/ulule/limiter/v3/drivers/middleware/gin"
	"github.com/ulule/limiter/v3/drivers/store/memory"
)

type endpoint struct {
	Method   string
	Path     string
	Handlers []gin.HandlerFunc
}

func login(c *gin.Context)  {}
func mfa(c *gin.Context)    {}
func health(c *gin.Context) {}
func audit(c *gin.Context)  { c.Next() }

var auth = []endpoint{
	{Method: "POST", Path: "/login", Handlers: []gin.HandlerFunc{audit, login}}, // want `AV201 .*POST /auth/login`
	{Method: "POST", Path: "/mfa/verify", Handlers: []gin.HandlerFunc{mfa}},     // want `AV201 .*POST /auth/mfa/verify`
	{Method: "GET", Path: "/health", Handlers: []gin.HandlerFunc{health}},
}

var limitedAuth = []endpoint{
	{Method: "POST", Path: "/login", Handlers: []gin.HandlerFunc{login}},
}

// Run serves both tables.
func Run() error {
	r := gin.New()
	g := r.Group("/auth")
	for _, e := range auth {
		g.Handle(e.Method, e.Path, e.Handlers...)
	}
	lim := mgin.NewMiddleware(limiter.New(memory.NewStore(), limiter.Rate{Period: 60, Limit: 5}))
	v2 := r.Group("/v2/auth", lim)
	for _, e := range limitedAuth {
		v2.Handle(e.Method, e.Path, e.Handlers...)
	}
	return r.Run(":8080")
}
