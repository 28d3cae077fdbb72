// Package limits holds the platform team's shared middleware.
package limits

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// MaxBody bounds gin request bodies.
func MaxBody(n int64) gin.HandlerFunc {
	return func(c *gin.Context) {
		c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, n)
		c.Next()
	}
}

// Body bounds net/http request bodies.
func Body(n int64) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			r.Body = http.MaxBytesReader(w, r.Body, n)
			next.ServeHTTP(w, r)
		})
	}
}

// RequestID tags requests: it bounds nothing.
func RequestID() gin.HandlerFunc {
	return func(c *gin.Context) {
		c.Header("X-Request-Id", "id")
		c.Next()
	}
}
