package main

import (
	"net/http"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

type handlers struct{}

func (handlers) login(c echo.Context) error  { return c.NoContent(http.StatusOK) }
func (handlers) signup(c echo.Context) error { return nil }
func (handlers) me(c echo.Context) error     { return nil }
func (handlers) page(c echo.Context) error   { return c.Render(http.StatusOK, "index", nil) }

func main() {
	h := handlers{}
	e := echo.New() // want `router echo echo\.New\(\) \(served\) \[middleware\.RemoveTrailingSlash, middleware\.Secure\{security-headers\}<X-Frame-Options,X-Content-Type-Options>\]`
	e.Pre(middleware.RemoveTrailingSlash())
	e.POST("/login", h.login, middleware.RateLimiter(middleware.NewRateLimiterMemoryStore(5))) // want `POST /login \[middleware\.RemoveTrailingSlash, middleware\.Secure\{security-headers\}<X-Frame-Options,X-Content-Type-Options>, middleware\.RateLimiter\{rate-limit\}\] h\.login`
	e.GET("/", h.page)                                                                         // want `GET / \[middleware\.RemoveTrailingSlash, middleware\.Secure\{security-headers\}<X-Frame-Options,X-Content-Type-Options>\] h\.page\{html\}`

	auth := e.Group("/auth", middleware.Logger())
	auth.POST("/signup", h.signup) // want `POST /auth/signup \[middleware\.RemoveTrailingSlash, middleware\.Secure\{security-headers\}<X-Frame-Options,X-Content-Type-Options>, middleware\.Logger\{logging\}\] h\.signup`
	// A group's Use only reaches routes added after it.
	auth.Use(middleware.BodyLimit("1M"))
	auth.GET("/me", h.me) // want `GET /auth/me \[middleware\.RemoveTrailingSlash, middleware\.Secure\{security-headers\}<X-Frame-Options,X-Content-Type-Options>, middleware\.Logger\{logging\}, middleware\.BodyLimit\{body-limit\}\] h\.me`
	sub := auth.Group("/v2")
	sub.POST("/signup", h.signup) // want `POST /auth/v2/signup \[middleware\.RemoveTrailingSlash, middleware\.Secure\{security-headers\}<X-Frame-Options,X-Content-Type-Options>, middleware\.Logger\{logging\}, middleware\.BodyLimit\{body-limit\}\] h\.signup`

	// Echo.Use reaches every route, even those registered before.
	e.Use(middleware.Secure())
	e.Logger.Fatal(e.Start(":8080")) // want `start \(\*echo\.Echo\)\.Start echo echo\.New\(\)`
}
