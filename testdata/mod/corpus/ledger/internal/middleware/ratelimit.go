// Package middleware holds the ledger's net/http middleware.
package middleware

import (
	"net"
	"net/http"
	"sync"

	"golang.org/x/time/rate"
)

// IPRateLimiter keeps one token bucket per client address.
type IPRateLimiter struct {
	mu       sync.Mutex
	limiters map[string]*rate.Limiter
	every    rate.Limit
	burst    int
}

// NewIPRateLimiter allows burst requests and then one every `every`.
func NewIPRateLimiter(every rate.Limit, burst int) *IPRateLimiter {
	return &IPRateLimiter{limiters: map[string]*rate.Limiter{}, every: every, burst: burst}
}

func (l *IPRateLimiter) get(key string) *rate.Limiter {
	l.mu.Lock()
	defer l.mu.Unlock()
	lim, ok := l.limiters[key]
	if !ok {
		lim = rate.NewLimiter(l.every, l.burst)
		l.limiters[key] = lim
	}
	return lim
}

// Limit wraps next and answers 429 once the caller's bucket is empty.
func (l *IPRateLimiter) Limit(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host, _, err := net.SplitHostPort(r.RemoteAddr)
		if err != nil {
			host = r.RemoteAddr
		}
		if !l.get(host).Allow() {
			w.Header().Set("Retry-After", "10")
			http.Error(w, "too many requests", http.StatusTooManyRequests)
			return
		}
		next.ServeHTTP(w, r)
	})
}
