// Package webmw holds the wiki's response-header middleware.
package webmw

import "net/http"

// Headers sets the wiki's response headers. There is no X-Content-Type-Options.
func Headers(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// one day of HSTS, under the 180-day minimum
		w.Header().Set("Strict-Transport-Security", "max-age=86400") // vuln:headers
		w.Header().Set("X-Frame-Options", "SAMEORIGIN")
		// inline scripts are allowed, which defeats the CSP against XSS
		w.Header().Set("Content-Security-Policy", "default-src 'self'; script-src 'self' 'unsafe-inline'") // vuln:headers
		next.ServeHTTP(w, r)
	})
}
