package main

import (
	"github.com/gin-gonic/gin"
)

// Server embeds the engine: its routes are registered on s itself.
type Server struct {
	*gin.Engine
	name string
}

func login(c *gin.Context) {}

func New() *Server {
	s := &Server{Engine: gin.New(), name: "api"} // want `router gin gin\.New\(\) \(served escapes\) \[gin\.Logger\{logging\}\]`
	// Use in another function cannot be ordered against this route: it counts.
	s.POST("/login", login) // want `POST /login \[gin\.Logger\{logging\}\] login`
	return s
}

func main() {
	s := New()
	s.Use(gin.Logger())
	s.GET("/items", login) // want `GET /items \[gin\.Logger\{logging\}\] login`
	s.Run(":8080")         // want `start \(\*gin\.Engine\)\.Run gin gin\.New\(\)`
}
