// Package secmw sets the notifier's security and CORS headers.
package secmw

import (
	"net/http"
	"net/url"
	"strings"
)

// Headers adds HSTS, nosniff and frame protection to every response.
func Headers(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Strict-Transport-Security", "max-age=31536000")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
		next.ServeHTTP(w, r)
	})
}

// PartnerCORS lets the partner consoles under notify.example.com call the API.
func PartnerCORS(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		origin := r.Header.Get("Origin")
		// a prefix check: https://console.notify.example.com.evil.io passes
		if strings.HasPrefix(origin, "https://console.notify.example.com") {
			// the origin passed the prefix check above
			w.Header().Set("Access-Control-Allow-Origin", origin) // vuln:cors
			w.Header().Set("Access-Control-Allow-Credentials", "true")
		}
		next.ServeHTTP(w, r)
	})
}

// TenantCORS lets each tenant's subdomain call the API.
func TenantCORS(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		origin := r.Header.Get("Origin")
		u, err := url.Parse(origin)
		// scheme checked and the suffix starts with a dot
		if err == nil && u.Scheme == "https" && strings.HasSuffix(u.Host, ".tenants.notify.example.com") {
			// the origin passed the dot-bounded check above
			w.Header().Set("Access-Control-Allow-Origin", origin) // safe:cors
			w.Header().Set("Access-Control-Allow-Credentials", "true")
			w.Header().Add("Vary", "Origin")
		}
		next.ServeHTTP(w, r)
	})
}

// StatusCORS is used on the status badge: a wildcard and credentials.
func StatusCORS(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// "*" with Allow-Credentials: true on the same response
		w.Header().Set("Access-Control-Allow-Origin", "*") // vuln:cors
		w.Header().Set("Access-Control-Allow-Credentials", "true")
		next.ServeHTTP(w, r)
	})
}
