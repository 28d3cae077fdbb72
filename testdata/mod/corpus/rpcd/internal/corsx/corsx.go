// Package corsx is rpcd's CORS handling, written by hand.
package corsx

import (
	"net/http"
	"regexp"
)

// previewOrigin matches the per-branch preview deployments, anchored at
// both ends.
var previewOrigin = regexp.MustCompile(`^https://[a-z0-9-]+\.preview\.rpcd\.io$`)

// API allows the configured app origins and the preview deployments.
func API(origins []string, next http.Handler) http.Handler {
	allowed := map[string]bool{}
	for _, o := range origins {
		allowed[o] = true
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		origin := r.Header.Get("Origin")
		if allowed[origin] {
			// an origin from the configured list
			w.Header().Set("Access-Control-Allow-Origin", origin) // safe:cors
			w.Header().Set("Access-Control-Allow-Credentials", "true")
		} else if previewOrigin.MatchString(origin) {
			// the anchored pattern above
			w.Header().Set("Access-Control-Allow-Origin", origin) // safe:cors
			w.Header().Set("Access-Control-Allow-Credentials", "true")
		}
		w.Header().Add("Vary", "Origin")
		next.ServeHTTP(w, r)
	})
}

// Electron allows the desktop app, whose pages send Origin: null.
func Electron(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Origin") == "null" {
			// "null" is allowed with credentials: any sandboxed iframe sends it too
			w.Header().Set("Access-Control-Allow-Origin", "null") // vuln:cors
			w.Header().Set("Access-Control-Allow-Credentials", "true")
		}
		next.ServeHTTP(w, r)
	})
}

// Playground lets any site embed the query playground, with cookies.
func Playground(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		// a wildcard origin together with Allow-Credentials: true
		h.Set("Access-Control-Allow-Origin", "*") // vuln:cors
		h.Set("Access-Control-Allow-Credentials", "true")
		next.ServeHTTP(w, r)
	})
}
