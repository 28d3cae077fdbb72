// Package limits holds the notifier's rate limiting middleware.
package limits

import (
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/sethvargo/go-limiter/httplimit"
	"github.com/sethvargo/go-limiter/memorystore"
)

// PerIP returns sethvargo/go-limiter middleware allowing tokens per interval.
func PerIP(tokens uint64, interval time.Duration) (*httplimit.Middleware, error) {
	store, err := memorystore.New(&memorystore.Config{Tokens: tokens, Interval: interval})
	if err != nil {
		return nil, err
	}
	return httplimit.NewMiddleware(store, httplimit.IPKeyFunc())
}

// AttemptGuard counts attempts per client address and answers 429 past max per window.
type AttemptGuard struct {
	mu     sync.Mutex
	max    int
	window time.Duration
	seen   map[string][]time.Time
}

// NewAttemptGuard builds a guard.
func NewAttemptGuard(max int, window time.Duration) *AttemptGuard {
	return &AttemptGuard{max: max, window: window, seen: map[string][]time.Time{}}
}

// Wrap guards next.
func (g *AttemptGuard) Wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ip, _, _ := net.SplitHostPort(r.RemoteAddr)
		now := time.Now()
		g.mu.Lock()
		recent := g.seen[ip][:0]
		for _, t := range g.seen[ip] {
			if now.Sub(t) < g.window {
				recent = append(recent, t)
			}
		}
		recent = append(recent, now)
		g.seen[ip] = recent
		over := len(recent) > g.max
		g.mu.Unlock()
		if over {
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		next.ServeHTTP(w, r)
	})
}
