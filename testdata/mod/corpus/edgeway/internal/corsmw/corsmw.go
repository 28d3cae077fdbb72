// Package corsmw is the gateway's hand-written CORS handling, one function
// per route family.
package corsmw

import (
	"net/http"
	"strings"
)

func preflight(w http.ResponseWriter, r *http.Request, next http.Handler) {
	if r.Method == http.MethodOptions {
		w.Header().Set("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE")
		w.Header().Set("Access-Control-Allow-Headers", "Authorization, Content-Type")
		w.WriteHeader(http.StatusNoContent)
		return
	}
	next.ServeHTTP(w, r)
}

// Allowlist allows the configured first-party origins, with credentials.
func Allowlist(origins []string, next http.Handler) http.Handler {
	allowed := make(map[string]struct{}, len(origins))
	for _, o := range origins {
		allowed[o] = struct{}{}
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		origin := r.Header.Get("Origin")
		if _, ok := allowed[origin]; ok {
			// only an origin found in the configured set is echoed
			w.Header().Set("Access-Control-Allow-Origin", origin) // safe:cors
			w.Header().Set("Access-Control-Allow-Credentials", "true")
			w.Header().Add("Vary", "Origin")
		}
		preflight(w, r, next)
	})
}

// Tenants allows any subdomain of edgeway.dev over https.
func Tenants(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		origin := r.Header.Get("Origin")
		if strings.HasPrefix(origin, "https://") && strings.HasSuffix(origin, ".edgeway.dev") {
			// scheme checked, and the suffix starts at a dot
			w.Header().Set("Access-Control-Allow-Origin", origin) // safe:cors
			w.Header().Set("Access-Control-Allow-Credentials", "true")
			w.Header().Add("Vary", "Origin")
		}
		preflight(w, r, next)
	})
}

// Docs allows the documentation site. The prefix check has no boundary
// after the host: "https://edgeway.dev.attacker.io" passes.
func Docs(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		origin := r.Header.Get("Origin")
		if strings.HasPrefix(origin, "https://edgeway.dev") {
			// the broken prefix check above decides, with credentials
			w.Header().Set("Access-Control-Allow-Origin", origin) // vuln:cors
			w.Header().Set("Access-Control-Allow-Credentials", "true")
		}
		preflight(w, r, next)
	})
}

// Sandbox is used by the API explorer. It echoes whatever origin asks.
func Sandbox(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if origin := r.Header.Get("Origin"); origin != "" {
			// the request's Origin copied back unchecked, with credentials
			w.Header().Set("Access-Control-Allow-Origin", origin) // vuln:cors
			w.Header().Set("Access-Control-Allow-Credentials", "true")
		}
		preflight(w, r, next)
	})
}

// Public is for the open status and metadata endpoints.
func Public(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// any origin, and no credentials header anywhere on these responses
		w.Header().Set("Access-Control-Allow-Origin", "*") // safe:cors
		preflight(w, r, next)
	})
}
