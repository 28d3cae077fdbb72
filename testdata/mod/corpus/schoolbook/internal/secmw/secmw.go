// Package secmw holds schoolbook's security middleware.
package secmw

import (
	"net/http"
	"strings"
	"time"

	"github.com/didip/tollbooth/v7"
	"github.com/didip/tollbooth/v7/limiter"
	"github.com/gorilla/handlers"
	"github.com/sethvargo/go-limiter/httplimit"
	"github.com/sethvargo/go-limiter/memorystore"
)

// Headers sets the security headers of the teacher portal (HTML).
func Headers(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		// only frame-ancestors: no default-src, so scripts from anywhere load
		h.Set("Content-Security-Policy", "frame-ancestors 'none'") // vuln:headers
		next.ServeHTTP(w, r)
	})
}

// HSTSOnly is what the parent portal uses.
func HSTSOnly(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Strict-Transport-Security", "max-age=31536000")
		next.ServeHTTP(w, r)
	})
}

// LimitBody caps request bodies.
func LimitBody(n int64) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			r.Body = http.MaxBytesReader(w, r.Body, n)
			next.ServeHTTP(w, r)
		})
	}
}

// Tollbooth limits the teacher portal's sign-in routes: one request a second.
func Tollbooth() func(http.Handler) http.Handler {
	lmt := tollbooth.NewLimiter(1, &limiter.ExpirableOptions{DefaultExpirationTTL: time.Hour})
	return func(next http.Handler) http.Handler {
		return tollbooth.LimitHandler(lmt, next)
	}
}

// ParentLogin limits parent sign-ins with sethvargo/go-limiter.
func ParentLogin() (*httplimit.Middleware, error) {
	store, err := memorystore.New(&memorystore.Config{Tokens: 5, Interval: time.Minute})
	if err != nil {
		return nil, err
	}
	return httplimit.NewMiddleware(store, httplimit.IPKeyFunc())
}

// TeacherCORS lets the district's teacher apps call the API with cookies.
func TeacherCORS(origins []string) func(http.Handler) http.Handler {
	// an explicit origin list with credentials
	return handlers.CORS(handlers.AllowedOrigins(origins), handlers.AllowCredentials(), handlers.AllowedHeaders([]string{"Authorization", "Content-Type"})) // safe:cors
}

// SchoolSitesCORS lets every school's own site under schoolbook.edu call the API.
func SchoolSitesCORS() func(http.Handler) http.Handler {
	validate := func(origin string) bool {
		return strings.HasSuffix(origin, ".schoolbook.edu")
	}
	// the suffix includes the dot
	return handlers.CORS(handlers.AllowedOriginValidator(validate), handlers.AllowCredentials()) // safe:cors
}

// MobileCORS is used by the mobile API.
func MobileCORS() func(http.Handler) http.Handler {
	opts := []handlers.CORSOption{
		handlers.AllowedOrigins([]string{"*"}),
		handlers.AllowCredentials(),
		handlers.AllowedMethods([]string{"GET", "POST"}),
	}
	// any origin and credentials, through the options slice
	return handlers.CORS(opts...) // vuln:cors
}
