// Package mw holds middleware used by other packages.
package mw

import (
	"net/http"
	"sync"

	"github.com/gin-gonic/gin"
	"golang.org/x/time/rate"
)

// IPLimiter keeps one limiter per client IP.
type IPLimiter struct {
	mu  sync.Mutex
	ips map[string]*rate.Limiter
}

func NewIPLimiter() *IPLimiter { return &IPLimiter{ips: map[string]*rate.Limiter{}} }

func (l *IPLimiter) get(ip string) *rate.Limiter {
	l.mu.Lock()
	defer l.mu.Unlock()
	lim, ok := l.ips[ip]
	if !ok {
		lim = rate.NewLimiter(1, 5)
		l.ips[ip] = lim
	}
	return lim
}

// Gin limits a gin route.
func (l *IPLimiter) Gin() gin.HandlerFunc {
	return func(c *gin.Context) {
		if !l.get(c.ClientIP()).Allow() {
			c.AbortWithStatusJSON(http.StatusTooManyRequests, gin.H{"error": "too many requests"})
			return
		}
		c.Next()
	}
}

// Limit limits a net/http handler.
func (l *IPLimiter) Limit(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !l.get(r.RemoteAddr).Allow() {
			http.Error(w, "too many requests", http.StatusTooManyRequests)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// Headers sets the security headers.
func Headers() gin.HandlerFunc {
	return func(c *gin.Context) {
		c.Header("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
		c.Header("X-Content-Type-Options", "nosniff")
		c.Header("X-Frame-Options", "DENY")
		c.Next()
	}
}

// Logger only logs.
func Logger() gin.HandlerFunc {
	return func(c *gin.Context) { c.Next() }
}
