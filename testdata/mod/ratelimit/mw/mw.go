// Package mw holds the service's own rate limiters, used from other
// packages.
package mw

import (
	"net/http"
	"sync"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/httprate"
	"github.com/gofiber/fiber/v2"
	"github.com/labstack/echo/v4"
	"golang.org/x/time/rate"
)

type visitor struct {
	limiter *rate.Limiter
	seen    time.Time
}

// Limiter keeps a token bucket per client.
type Limiter struct {
	mu       sync.Mutex
	visitors map[string]*visitor
}

func New() *Limiter { return &Limiter{visitors: map[string]*visitor{}} }

func (l *Limiter) allow(ip string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	v, ok := l.visitors[ip]
	if !ok {
		v = &visitor{limiter: rate.NewLimiter(1, 3)}
		l.visitors[ip] = v
	}
	v.seen = time.Now()
	return v.limiter.Allow()
}

// Middleware limits net/http handlers.
func (l *Limiter) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !l.allow(r.RemoteAddr) {
			http.Error(w, http.StatusText(http.StatusTooManyRequests), http.StatusTooManyRequests)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// Gin limits gin routes.
func (l *Limiter) Gin() gin.HandlerFunc {
	return func(c *gin.Context) {
		if !l.allow(c.ClientIP()) {
			c.AbortWithStatus(http.StatusTooManyRequests)
			return
		}
		c.Next()
	}
}

type attempt struct {
	count int
	until time.Time
}

var (
	mu       sync.Mutex
	failures = map[string]*attempt{}
)

// LoginGuard counts attempts per IP and blocks after five.
func LoginGuard(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		mu.Lock()
		a := failures[c.RealIP()]
		if a == nil {
			a = &attempt{}
			failures[c.RealIP()] = a
		}
		a.count++
		blocked := a.count > 5
		mu.Unlock()
		if blocked {
			return echo.NewHTTPError(http.StatusForbidden, "locked")
		}
		return next(c)
	}
}

// Fiber answers 429 itself.
func Fiber() fiber.Handler {
	l := New()
	return func(c *fiber.Ctx) error {
		if !l.allow(c.IP()) {
			return fiber.ErrTooManyRequests
		}
		return c.Next()
	}
}

// Chi returns a library limiter.
func Chi() func(http.Handler) http.Handler {
	return httprate.LimitByIP(10, time.Minute)
}
