package middleware

import (
	"net"
	"net/http"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// IPLimiter keeps one token bucket per client address.
type IPLimiter struct {
	mu       sync.Mutex
	visitors map[string]*rate.Limiter
	every    rate.Limit
	burst    int
}

// NewIPLimiter allows perMinute requests per client with the given burst.
func NewIPLimiter(perMinute, burst int) *IPLimiter {
	return &IPLimiter{
		visitors: make(map[string]*rate.Limiter),
		every:    rate.Every(time.Minute / time.Duration(perMinute)),
		burst:    burst,
	}
}

func (l *IPLimiter) get(key string) *rate.Limiter {
	l.mu.Lock()
	defer l.mu.Unlock()
	lim, ok := l.visitors[key]
	if !ok {
		lim = rate.NewLimiter(l.every, l.burst)
		l.visitors[key] = lim
	}
	return lim
}

// Middleware answers 429 once a client has used up its bucket.
func (l *IPLimiter) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host, _, err := net.SplitHostPort(r.RemoteAddr)
		if err != nil {
			host = r.RemoteAddr
		}
		if !l.get(host).Allow() {
			w.Header().Set("Retry-After", "60")
			http.Error(w, http.StatusText(http.StatusTooManyRequests), http.StatusTooManyRequests)
			return
		}
		next.ServeHTTP(w, r)
	})
}
