// Package guard counts failed second-factor attempts per account.
package guard

import (
	"net/http"
	"sync"
)

// Attempts locks an account after max failures.
type Attempts struct {
	mu    sync.Mutex
	max   int
	fails map[string]int
}

// NewAttempts builds the counter.
func NewAttempts(max int) *Attempts { return &Attempts{max: max, fails: map[string]int{}} }

// Recorder lets the handler report the outcome.
type Recorder interface{ Failed(account string) }

// Wrap answers 429 for locked accounts.
func (a *Attempts) Wrap(next func(http.ResponseWriter, *http.Request, Recorder)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		acct := r.Header.Get("X-Account")
		a.mu.Lock()
		n := a.fails[acct]
		a.mu.Unlock()
		if n >= a.max {
			w.Header().Set("Retry-After", "900")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		next(w, r, a)
	})
}

// Failed records a failure.
func (a *Attempts) Failed(account string) {
	a.mu.Lock()
	a.fails[account]++
	a.mu.Unlock()
}
