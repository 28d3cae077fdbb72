package echo

import (
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"example.com/apivettest/ratelimit/mw"
)

func login(c echo.Context) error     { return nil }
func signup(c echo.Context) error    { return nil }
func verifyOTP(c echo.Context) error { return nil }

func unprotected() {
	e := echo.New()
	e.Use(middleware.Logger(), middleware.Recover())
	e.POST("/login", login) // want `AV201 .*POST /login has no rate limiter in its middleware chain \(middleware.Logger, middleware.Recover\); add echo's middleware.RateLimiter`
	g := e.Group("/auth")
	g.POST("/otp", verifyOTP) // want `AV201 .*POST /auth/otp`
	// The group's Use comes after the route.
	g.POST("/signup", signup) // want `AV201 .*POST /auth/signup`
	g.Use(middleware.RateLimiter(middleware.NewRateLimiterMemoryStore(5)))
	g.POST("/v2/signup", signup)
	e.Start(":8080")
}

func global() {
	e := echo.New()
	e.POST("/login", login)
	// Echo.Use applies to every route, even those registered before.
	e.Use(middleware.RateLimiter(middleware.NewRateLimiterMemoryStore(5)))
	e.Start(":8080")
}

func perRoute() {
	e := echo.New()
	e.POST("/login", login, mw.LoginGuard)
	e.POST("/signup", signup, middleware.RateLimiterWithConfig(middleware.RateLimiterConfig{}))
	g := e.Group("/mfa", mw.LoginGuard)
	g.POST("/verify", verifyOTP)
	e.Start(":8080")
}
