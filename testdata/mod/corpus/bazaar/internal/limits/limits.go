// Package limits builds the marketplace's rate limiters: sethvargo's
// go-limiter for sign-in, ulule's limiter for sign-up.
package limits

import (
	"fmt"
	"net/http"
	"time"

	"github.com/sethvargo/go-limiter/httplimit"
	"github.com/sethvargo/go-limiter/memorystore"
	"github.com/ulule/limiter/v3"
	"github.com/ulule/limiter/v3/drivers/middleware/stdlib"
	"github.com/ulule/limiter/v3/drivers/store/memory"
)

// Set is the collection of limiters main wires into the routers.
type Set struct {
	Login  *httplimit.Middleware
	Signup func(http.Handler) http.Handler
}

// New builds the limiters.
func New() (*Set, error) {
	store, err := memorystore.New(&memorystore.Config{Tokens: 5, Interval: time.Minute})
	if err != nil {
		return nil, fmt.Errorf("limits: %w", err)
	}
	login, err := httplimit.NewMiddleware(store, httplimit.IPKeyFunc("X-Forwarded-For"))
	if err != nil {
		return nil, fmt.Errorf("limits: %w", err)
	}
	rate, err := limiter.NewRateFromFormatted("20-H")
	if err != nil {
		return nil, err
	}
	signup := stdlib.NewMiddleware(limiter.New(memory.NewStore(), rate, limiter.WithTrustForwardHeader(true)))
	return &Set{Login: login, Signup: signup.Handler}, nil
}
