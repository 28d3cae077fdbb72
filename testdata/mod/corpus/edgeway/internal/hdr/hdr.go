// Package hdr sets the gateway's response headers by hand.
package hdr

import "net/http"

// Secure adds HSTS, nosniff, frame denial and a restrictive CSP.
func Secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		// exactly 180 days: not under the floor
		h.Set("Strict-Transport-Security", "max-age=15552000") // safe:headers
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
		next.ServeHTTP(w, r)
	})
}

// Basic adds nosniff and frame denial. It was written for the internal
// admin listener, "which is never reached over plain HTTP".
func Basic(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("X-Frame-Options", "DENY")
		next.ServeHTTP(w, r)
	})
}
