package gin

import (
	"net/http"

	ratelimit "github.com/JGLTechnologies/gin-rate-limit"
	"github.com/gin-gonic/gin"
	limiter "github.com/ulule/limiter/v3"
	mgin "github.com/ulule/limiter/v3/drivers/middleware/gin"
	"github.com/ulule/limiter/v3/drivers/store/memory"

	"example.com/apivettest/ratelimit/mw"
)

type AuthHandler struct{}

func (h *AuthHandler) Login(c *gin.Context)          {}
func (h *AuthHandler) Register(c *gin.Context)       {}
func (h *AuthHandler) ForgotPassword(c *gin.Context) {}
func (h *AuthHandler) Logout(c *gin.Context)         {}
func (h *AuthHandler) Prices(c *gin.Context)         {}
func (h *AuthHandler) Refresh(c *gin.Context)        {}

func limit() gin.HandlerFunc {
	store := memory.NewStore()
	return mgin.NewMiddleware(limiter.New(store, limiter.Rate{Limit: 5}))
}

// unprotected: nothing limits the auth routes.
func unprotected() {
	h := &AuthHandler{}
	r := gin.Default()
	auth := r.Group("/api/auth")
	auth.POST("/login", h.Login)                    // want `AV201 medium: POST /api/auth/login has no rate limiter in its middleware chain \(gin.Logger, gin.Recovery\); add a limiter middleware such as github.com/ulule/limiter/v3/drivers/middleware/gin`
	auth.POST("/register", h.Register)              // want `AV201 .*POST /api/auth/register has no rate limiter`
	auth.POST("/forgot-password", h.ForgotPassword) // want `AV201 .*POST /api/auth/forgot-password`
	auth.POST("/refresh", h.Refresh)                // want `AV201 .*POST /api/auth/refresh`
	// Look-alikes: logging out, public data under a credential word.
	auth.POST("/logout", h.Logout)
	r.GET("/api/tokens/prices", h.Prices)
	r.GET("/login", func(c *gin.Context) { c.HTML(http.StatusOK, "login.html", nil) })
	// A limiter added after the route does not protect it.
	r.POST("/signin", h.Login) // want `AV201 .*POST /signin has no rate limiter`
	r.Use(limit())
	r.POST("/v2/signin", h.Login)
	r.Run()
}

// global: a limiter on the engine covers every later route.
func global() {
	h := &AuthHandler{}
	r := gin.New()
	r.Use(limit())
	r.POST("/login", h.Login)
	r.Run()
}

// group: a limiter on the group.
func group() {
	h := &AuthHandler{}
	r := gin.New()
	auth := r.Group("/auth", ratelimit.RateLimiter(ratelimit.InMemoryStore(&ratelimit.InMemoryOptions{}), &ratelimit.Options{}))
	auth.POST("/login", h.Login)
	r.Run()
}

// perRoute: a limiter as a route argument, from another package.
func perRoute() {
	h := &AuthHandler{}
	l := mw.New()
	r := gin.New()
	r.POST("/login", l.Gin(), h.Login)
	r.POST("/password/reset", mw.New().Gin(), h.ForgotPassword)
	r.Run()
}

// registerAuth is called with a limited group.
func registerAuth(g *gin.RouterGroup, h *AuthHandler) {
	g.POST("/login", h.Login)
}

func helper() {
	r := gin.New()
	api := r.Group("/api")
	api.Use(limit())
	registerAuth(api, &AuthHandler{})
	r.Run()
}

// words: what is and is not a credential endpoint.
func words() {
	h := &AuthHandler{}
	r := gin.New()
	v1 := r.Group("/api/v1")
	v1.POST("/sessions", h.Login)         // want `AV201 .*POST /api/v1/sessions`
	v1.POST("/verify-email", h.Register)  // want `AV201 .*POST /api/v1/verify-email`
	v1.POST("/users/:id/pin", h.Register) // want `AV201 .*POST /api/v1/users/:id/pin`
	v1.POST("/oauth/authorize", h.Login)  // want `AV201 .*POST /api/v1/oauth/authorize`
	v1.POST("/users", h.Register)         // want `AV201 .*POST /api/v1/users has no rate limiter`
	v1.POST("/payments/verify", h.Prices)
	v1.POST("/posts/:id/pin", h.Prices)
	v1.POST("/chat/sessions", h.Prices)
	v1.POST("/devices/tokens", h.Prices)
	v1.POST("/push-token", h.Prices)
	v1.POST("/cache/reset", h.Prices)
	v1.POST("/oauth/callback", h.Prices)
	v1.POST("/events/:id/register", h.Prices)
	v1.POST("/cache/refresh", h.Prices)
	v1.DELETE("/sessions/:id", h.Logout)
	v1.POST("/auth/logout", h.Login)
	r.Run()
}

func jwtAuth() gin.HandlerFunc { return func(c *gin.Context) { c.Next() } }

func (h *AuthHandler) ChangePassword(c *gin.Context)    {}
func (h *AuthHandler) ResetUserPassword(c *gin.Context) {}
func (h *AuthHandler) CreateAPIToken(c *gin.Context)    {}

// authenticated: behind the JWT middleware only secret checks are targets.
func authenticated() {
	h := &AuthHandler{}
	r := gin.New()
	me := r.Group("/api/me", jwtAuth())
	me.POST("/password", h.ChangePassword) // want `AV201 .*POST /api/me/password has no rate limiter`
	me.POST("/mfa/verify", h.Login)        // want `AV201 .*POST /api/me/mfa/verify`
	me.POST("/tokens", h.CreateAPIToken)
	admin := r.Group("/api/admin", jwtAuth())
	admin.POST("/users/:id/password/reset", h.ResetUserPassword)
	admin.POST("/register", h.Register)
	r.Run()
}

func (h *AuthHandler) LegacyAuth(c *gin.Context) {}

// scoped: action words right after an authentication scheme.
func scoped() {
	h := &AuthHandler{}
	r := gin.New()
	r.POST("/partner/oauth/token", h.Login)     // want `AV201 .*POST /partner/oauth/token`
	r.POST("/oauth/introspect", h.Prices)       // want `AV201 .*POST /oauth/introspect`
	r.POST("/api/v1/legacy/auth", h.LegacyAuth) // want `AV201 .*POST /api/v1/legacy/auth`
	r.POST("/partner/devices/token", h.Prices)
	r.POST("/api/keys/revoke", h.Prices)
	r.POST("/payments/authorize", h.Prices)
	r.Run()
}
