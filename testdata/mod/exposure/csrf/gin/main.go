// Command todo serves a todo app with gin and cookie tokens.
package main

import (
	"log"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/justinas/nosurf"
)

// cookieAuth reads the JWT the login page stored in a cookie.
func cookieAuth() gin.HandlerFunc {
	return func(c *gin.Context) {
		tok, err := c.Cookie("access_token")
		if err != nil || tok == "" {
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		c.Set("token", tok)
		c.Next()
	}
}

// headerOrCookie accepts either: a script on another site cannot set the
// header, but it can rely on the cookie; apivet stays silent on mixes.
func headerOrCookie() gin.HandlerFunc {
	return func(c *gin.Context) {
		tok := c.GetHeader("Authorization")
		if tok == "" {
			tok, _ = c.Cookie("access_token")
		}
		if tok == "" {
			c.AbortWithStatus(http.StatusUnauthorized)
		}
	}
}

// login hands the browser its token in an HttpOnly cookie.
func login(c *gin.Context) {
	c.SetCookie("access_token", "signed.jwt.value", 3600, "/", "", true, true)
}

func createTodo(c *gin.Context) { c.Status(http.StatusCreated) }
func deleteTodo(c *gin.Context) { c.Status(http.StatusNoContent) }
func listTodos(c *gin.Context)  { c.JSON(http.StatusOK, nil) }

func main() {
	r := gin.New()
	r.POST("/login", login)
	todos := r.Group("/todos", cookieAuth())
	todos.GET("", listTodos)
	todos.POST("", createTodo)       // want `AV903 medium: POST /todos is authenticated by a session cookie \(read by cookieAuth\) and has no CSRF protection; wrap the engine in http.NewCrossOriginProtection\(\).Handler`
	todos.DELETE("/:id", deleteTodo) // want `AV903 medium: DELETE /todos/:id is authenticated by a session cookie`

	mixed := r.Group("/v2/todos", headerOrCookie())
	mixed.POST("", createTodo)

	// The admin engine is served behind nosurf.
	admin := gin.New()
	admin.POST("/admin/todos", cookieAuth(), createTodo)
	go func() { log.Fatal(http.ListenAndServe(":8081", nosurf.New(admin))) }()

	log.Fatal(http.ListenAndServe(":8080", r))
}
