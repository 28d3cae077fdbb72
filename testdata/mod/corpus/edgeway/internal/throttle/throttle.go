// Package throttle is a per-client token bucket on golang.org/x/time/rate.
package throttle

import (
	"net"
	"net/http"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// PerIP keeps one limiter per client address.
type PerIP struct {
	mu      sync.Mutex
	every   rate.Limit
	burst   int
	clients map[string]*rate.Limiter
}

// New allows n requests per period with a burst of n.
func New(n int, per time.Duration) *PerIP {
	return &PerIP{every: rate.Every(per / time.Duration(n)), burst: n, clients: map[string]*rate.Limiter{}}
}

func (p *PerIP) limiter(ip string) *rate.Limiter {
	p.mu.Lock()
	defer p.mu.Unlock()
	l, ok := p.clients[ip]
	if !ok {
		l = rate.NewLimiter(p.every, p.burst)
		p.clients[ip] = l
	}
	return l
}

// Wrap answers 429 when the client's bucket is empty.
func (p *PerIP) Wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ip, _, _ := net.SplitHostPort(r.RemoteAddr)
		if !p.limiter(ip).Allow() {
			http.Error(w, http.StatusText(http.StatusTooManyRequests), http.StatusTooManyRequests)
			return
		}
		next.ServeHTTP(w, r)
	})
}
