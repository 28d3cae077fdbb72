// Package limits exports middleware whose summaries cross packages.
package limits

import (
	"net/http"
	"sync"
	"time"

	"github.com/go-chi/httprate"
	"github.com/labstack/echo/v4"
	"golang.org/x/time/rate"
)

var (
	mu      sync.Mutex
	buckets = map[string]*rate.Limiter{}
)

func limiterFor(key string) *rate.Limiter {
	mu.Lock()
	defer mu.Unlock()
	if l, ok := buckets[key]; ok {
		return l
	}
	l := rate.NewLimiter(rate.Every(time.Second), 3)
	buckets[key] = l
	return l
}

// PerIP limits through a helper that calls Allow.
func PerIP(next http.Handler) http.Handler { // want PerIP:`middleware rate-limit strong`
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !limiterFor(r.RemoteAddr).Allow() {
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// Chi wraps a library limiter.
func Chi() func(http.Handler) http.Handler { // want Chi:`middleware rate-limit strong`
	return httprate.LimitByIP(100, time.Minute)
}

// TooMany only answers 429: evidence for itself, not for its callers.
func TooMany(w http.ResponseWriter) { // want TooMany:`middleware rate-limit$`
	http.Error(w, "too many requests", http.StatusTooManyRequests)
}

// Secure sets headers on echo responses.
func Secure(next echo.HandlerFunc) echo.HandlerFunc { // want Secure:`middleware security-headers headers\[X-Content-Type-Options: nosniff; X-Frame-Options: DENY\]`
	return func(c echo.Context) error {
		h := c.Response().Header()
		h.Set(echo.HeaderXFrameOptions, "DENY")
		h.Set("X-Content-Type-Options", "nosniff")
		return next(c)
	}
}

// Plain does nothing special: no fact.
func Plain(next http.Handler) http.Handler { return next }
