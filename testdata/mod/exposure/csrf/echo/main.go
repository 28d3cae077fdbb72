// Command forum serves a forum with echo.
package main

import (
	"net/http"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

// sessionAuth looks the session token up.
func sessionAuth(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		ck, err := c.Cookie("session_token")
		if err != nil || ck.Value == "" {
			return echo.ErrUnauthorized
		}
		return next(c)
	}
}

// login sets the session token.
func login(c echo.Context) error {
	c.SetCookie(&http.Cookie{Name: "session_token", Value: "opaque", Path: "/", HttpOnly: true, Secure: true})
	return c.NoContent(http.StatusNoContent)
}

func post(c echo.Context) error   { return c.NoContent(http.StatusCreated) }
func reply(c echo.Context) error  { return c.NoContent(http.StatusCreated) }
func upload(c echo.Context) error { return c.NoContent(http.StatusCreated) }

func main() {
	e := echo.New()
	e.POST("/login", login)

	forum := e.Group("/forum", sessionAuth)
	forum.POST("/posts", post) // want `AV903 medium: POST /forum/posts is authenticated by a session cookie \(read by sessionAuth\) and has no CSRF protection; add middleware.CSRF\(\) to the server or the group`

	protected := e.Group("/threads", middleware.CSRF(), sessionAuth)
	protected.POST("/:id/replies", reply)

	// The upload API takes keys in a header.
	api := e.Group("/api", middleware.KeyAuth(func(key string, c echo.Context) (bool, error) { return key != "", nil }))
	api.POST("/uploads", upload)

	e.Logger.Fatal(e.Start(":8080"))
}
