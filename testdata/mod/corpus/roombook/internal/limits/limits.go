// Package limits wraps go-chi/httprate with the API's defaults.
package limits

import (
	"net/http"
	"strconv"
	"time"

	"github.com/go-chi/httprate"
)

// PerIP allows n requests per window from one client address.
func PerIP(n int, window time.Duration) func(http.Handler) http.Handler {
	return httprate.Limit(n, window,
		httprate.WithKeyFuncs(httprate.KeyByIP),
		httprate.WithLimitHandler(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Retry-After", strconv.Itoa(int(window.Seconds())))
			http.Error(w, "too many requests", http.StatusTooManyRequests)
		}),
	)
}
