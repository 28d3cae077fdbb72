// Package throttle holds chatter's rate limiters: tollbooth for the API,
// and a failed-attempt counter for the web sign-in form.
package throttle

import (
	"net/http"
	"sync"
	"time"

	"github.com/didip/tollbooth/v7"
	"github.com/didip/tollbooth/v7/limiter"
)

// NewAPILimiter allows rps requests per second per client.
func NewAPILimiter(rps float64) *limiter.Limiter {
	lmt := tollbooth.NewLimiter(rps, &limiter.ExpirableOptions{DefaultExpirationTTL: time.Hour})
	lmt.SetIPLookups([]string{"X-Forwarded-For", "RemoteAddr"})
	lmt.SetMessage(`{"error":"slow down"}`).SetMessageContentType("application/json")
	return lmt
}

// Middleware adapts a tollbooth limiter to mux.Use.
func Middleware(lmt *limiter.Limiter) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return tollbooth.LimitHandler(lmt, next)
	}
}

// Attempts counts failed sign-ins per username and answers 429 once a
// username has failed max times within the window.
type Attempts struct {
	mu     sync.Mutex
	max    int
	window time.Duration
	fails  map[string][]time.Time
}

// NewAttempts builds the counter.
func NewAttempts(max int, window time.Duration) *Attempts {
	return &Attempts{max: max, window: window, fails: map[string][]time.Time{}}
}

// Guard wraps a sign-in handler; the handler reports failures with Fail.
func (a *Attempts) Guard(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		user := r.PostFormValue("username")
		if a.count(user) >= a.max {
			w.Header().Set("Retry-After", "300")
			http.Error(w, "too many attempts", http.StatusTooManyRequests)
			return
		}
		next(w, r)
	}
}

// Fail records a failed attempt.
func (a *Attempts) Fail(user string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.fails[user] = append(a.fails[user], time.Now())
}

func (a *Attempts) count(user string) int {
	a.mu.Lock()
	defer a.mu.Unlock()
	cut := time.Now().Add(-a.window)
	kept := a.fails[user][:0]
	for _, t := range a.fails[user] {
		if t.After(cut) {
			kept = append(kept, t)
		}
	}
	a.fails[user] = kept
	return len(kept)
}
