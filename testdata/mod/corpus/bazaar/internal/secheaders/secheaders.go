// Package secheaders sets the marketplace's security headers by hand.
package secheaders

import "net/http"

// Policy is a set of headers.
type Policy map[string]string

// API is the policy of the JSON API: HSTS, nosniff, and frame-ancestors
// in a CSP for frame protection.
var API = Policy{
	"Strict-Transport-Security": "max-age=31536000; includeSubDomains",
	"X-Content-Type-Options":    "nosniff",
	"Content-Security-Policy":   "default-src 'none'; frame-ancestors 'none'",
	"Referrer-Policy":           "no-referrer",
}

// Portal is the seller portal's policy. It predates the CSP rollout.
var Portal = Policy{
	"Strict-Transport-Security": "max-age=31536000",
	"X-Content-Type-Options":    "nosniff",
	"X-Frame-Options":           "DENY",
}

// Wrap adds the policy's headers to every response.
func (p Policy) Wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for k, v := range p {
			w.Header().Set(k, v)
		}
		next.ServeHTTP(w, r)
	})
}
