// Package api builds routers that main serves: main judges their headers
// and reports on the constructor's line here.
package api

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
)

func list(w http.ResponseWriter, r *http.Request) {}

// Wrapped is served by main behind a header middleware.
func Wrapped() http.Handler {
	r := chi.NewRouter()
	r.Get("/items", list)
	return r
}

// Bare is served by main as is.
func Bare() *chi.Mux {
	r := chi.NewRouter() // want `AV701 .*chi router chi.NewRouter\(\) serves responses without Strict-Transport-Security`
	r.Get("/items", list)
	return r
}

// Sub is mounted into main's router, which sets the headers.
func Sub() chi.Router {
	r := chi.NewRouter()
	r.Get("/users", list)
	return r
}

// Engine: main adds the header middleware after the routes, too late for
// gin.
func Engine() *gin.Engine {
	r := gin.New() // want `AV701 .*gin router gin.New\(\) serves responses without Strict-Transport-Security`
	r.GET("/items", func(c *gin.Context) {})
	return r
}

// Unused is served by nobody: nothing is reported.
func Unused() *gin.Engine {
	r := gin.New()
	r.GET("/items", func(c *gin.Context) {})
	return r
}
