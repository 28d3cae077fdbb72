package middleware

import "net/http"

// SecurityHeaders sets the headers every ledger response carries.
func SecurityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		// two years, with subdomains
		h.Set("Strict-Transport-Security", "max-age=63072000; includeSubDomains") // safe:headers
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		// a JSON API: nothing may load and nothing may frame it
		h.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'") // safe:headers
		h.Set("Referrer-Policy", "no-referrer")
		next.ServeHTTP(w, r)
	})
}
