// Package middleware holds the service's hand-written HTTP middleware.
package middleware

import (
	"net/http"
	"regexp"
	"strings"

	"example.com/apivettest/cors/config"
)

const (
	headerAllowOrigin      = "Access-Control-Allow-Origin"
	headerAllowCredentials = "Access-Control-Allow-Credentials"
)

// CORS reflects whatever origin asks.
func CORS(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		origin := r.Header.Get("Origin")
		if origin == "" {
			next.ServeHTTP(w, r)
			return
		}
		w.Header().Set(headerAllowOrigin, origin) // want `AV402 high: the request's Origin \(origin\) is copied into Access-Control-Allow-Origin unchecked while Access-Control-Allow-Credentials is "true"`
		w.Header().Set(headerAllowCredentials, "true")
		w.Header().Set("Vary", "Origin")
		next.ServeHTTP(w, r)
	})
}

// Direct copy, credentials through the map form.
func Direct(w http.ResponseWriter, r *http.Request) {
	w.Header()["Access-Control-Allow-Origin"] = []string{r.Header.Get("origin")} // want `AV402 high`
	w.Header()["Access-Control-Allow-Credentials"] = []string{"true"}
}

func isAllowedOrigin(origin string) bool {
	return strings.HasSuffix(strings.ToLower(origin), "example.com")
}

// A helper check that evilexample.com passes.
func HelperCheck(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if origin := r.Header.Get("Origin"); isAllowedOrigin(origin) {
			w.Header().Set("Access-Control-Allow-Origin", origin) // want `AV403 medium: the request's Origin \(origin\) is reflected after a check of strings.HasSuffix\(strings.ToLower\(origin\), "example.com"\)`
			w.Header().Set("Access-Control-Allow-Credentials", "true")
		}
		next.ServeHTTP(w, r)
	})
}

var originPattern = regexp.MustCompile(`example\.com$`)

// An unanchored regular expression, no credentials: still a broken check.
func RegexCheck(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		origin := r.Header.Get("Origin")
		if originPattern.MatchString(origin) {
			w.Header().Set("Access-Control-Allow-Origin", origin) // want `AV403 medium: the request's Origin \(origin\) is reflected after a check of regexp "example\\.com\$": no \^ anchor`
		}
		next.ServeHTTP(w, r)
	})
}

// setCORSHeaders is called with the origin by the middleware below.
func setCORSHeaders(w http.ResponseWriter, origin string) {
	w.Header().Set("Access-Control-Allow-Origin", origin) // want `AV402 high: the request's Origin \(r.Header.Get\("Origin"\)\) is copied`
	w.Header().Set("Access-Control-Allow-Credentials", "true")
	w.Header().Set("Access-Control-Allow-Methods", "GET, POST")
}

// WithHelper passes the origin to a helper unchecked.
func WithHelper(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		setCORSHeaders(w, r.Header.Get("Origin"))
		next.ServeHTTP(w, r)
	})
}

// Suppressed reflects the origin on purpose.
func Suppressed(w http.ResponseWriter, r *http.Request) {
	//apivet:ignore AV402 the partner SDK demo needs it; tracked in SEC-88
	w.Header().Set("Access-Control-Allow-Origin", r.Header.Get("Origin"))
	w.Header().Set("Access-Control-Allow-Credentials", "true")
}

// --- safe look-alikes ---

// CORSAllowList answers only listed origins.
type CORSAllowList struct {
	origins map[string]bool
}

func (m *CORSAllowList) Wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		origin := r.Header.Get("Origin")
		if m.origins[origin] {
			w.Header().Set("Access-Control-Allow-Origin", origin)
			w.Header().Set("Access-Control-Allow-Credentials", "true")
			w.Header().Add("Vary", "Origin")
		}
		next.ServeHTTP(w, r)
	})
}

var trusted = []string{config.WebOrigin, config.AdminOrigin}

func LoopCheck(w http.ResponseWriter, r *http.Request) {
	origin := r.Header.Get("Origin")
	for _, o := range trusted {
		if o == origin {
			w.Header().Set("Access-Control-Allow-Origin", origin)
			w.Header().Set("Access-Control-Allow-Credentials", "true")
			break
		}
	}
}

func isTrusted(origin string) bool {
	return origin == config.WebOrigin || strings.HasSuffix(origin, ".example.com")
}

func setChecked(w http.ResponseWriter, origin string) {
	w.Header().Set("Access-Control-Allow-Origin", origin)
	w.Header().Set("Access-Control-Allow-Credentials", "true")
}

func CheckedHelper(w http.ResponseWriter, r *http.Request) {
	origin := r.Header.Get("Origin")
	if !isTrusted(origin) {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	setChecked(w, origin)
}

// Public sends a wildcard without credentials.
func Public(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Access-Control-Allow-Origin", "*")
		w.Header().Set("Access-Control-Allow-Methods", "GET")
		next.ServeHTTP(w, r)
	})
}

// Configured sends one origin from the configuration.
func Configured(origin string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Access-Control-Allow-Origin", origin)
			w.Header().Set("Access-Control-Allow-Credentials", "true")
			next.ServeHTTP(w, r)
		})
	}
}

// Exclusive branches: credentials only for listed origins, a wildcard for
// the rest.
func Split(w http.ResponseWriter, r *http.Request) {
	origin := r.Header.Get("Origin")
	if origin == config.WebOrigin {
		w.Header().Set("Access-Control-Allow-Origin", origin)
		w.Header().Set("Access-Control-Allow-Credentials", "true")
	} else {
		w.Header().Set("Access-Control-Allow-Origin", "*")
	}
}

// A preflight answered early with a wildcard, credentials only later for
// listed origins.
func Early(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodOptions {
		w.Header().Set("Access-Control-Allow-Origin", "*")
		w.WriteHeader(http.StatusNoContent)
		return
	}
	if origin := r.Header.Get("Origin"); origin == config.AdminOrigin {
		w.Header().Set("Access-Control-Allow-Origin", origin)
		w.Header().Set("Access-Control-Allow-Credentials", "true")
	}
}

// Two separate middlewares built in one function.
func Chain() []func(http.Handler) http.Handler {
	public := func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Access-Control-Allow-Origin", "*")
			next.ServeHTTP(w, r)
		})
	}
	session := func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Access-Control-Allow-Credentials", "true")
			next.ServeHTTP(w, r)
		})
	}
	return []func(http.Handler) http.Handler{public, session}
}

// Options are the middleware's settings, from the configuration file.
type Options struct {
	AllowAll         bool
	AllowCredentials bool
}

// Configurable writes what its options say.
func Configurable(o Options) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if o.AllowAll {
				w.Header().Set("Access-Control-Allow-Origin", "*")
			}
			if o.AllowCredentials {
				w.Header().Set("Access-Control-Allow-Credentials", "true")
			}
			next.ServeHTTP(w, r)
		})
	}
}
