// Package rsapi is a net/http service using rs/cors.
package rsapi

import (
	"net/http"
	"os"
	"slices"
	"strings"

	"example.com/apivettest/cors/config"
	"github.com/rs/cors"
)

func routes() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("/api/me", func(w http.ResponseWriter, r *http.Request) {})
	return mux
}

// Wildcard with credentials, inline.
func Inline() http.Handler {
	c := cors.New(cors.Options{ // want `AV401 high: AllowedOrigins "\*" together with AllowCredentials is true: rs/cors answers with Access-Control-Allow-Origin: \*`
		AllowedOrigins:   []string{"*"},
		AllowedMethods:   []string{http.MethodGet, http.MethodPost},
		AllowCredentials: true,
	})
	return c.Handler(routes())
}

// No AllowedOrigins means every origin in rs/cors.
func NoOrigins() http.Handler {
	return cors.New(cors.Options{AllowCredentials: true}).Handler(routes()) // want `AV401 high: no AllowedOrigins \(rs/cors then allows every origin\)`
}

// The wildcard comes from a constant of another package.
func FromConfigPackage() http.Handler {
	opts := cors.Options{
		AllowedOrigins:   []string{config.AnyOrigin},
		AllowCredentials: config.AllowCredentials,
	}
	return cors.New(opts).Handler(routes()) // want `AV401 high: AllowedOrigins "\*"`
}

// Options built step by step, the wildcard appended.
func Stepwise() http.Handler {
	var opts cors.Options
	opts.AllowedOrigins = []string{config.WebOrigin}
	opts.AllowedOrigins = append(opts.AllowedOrigins, "*")
	opts.AllowCredentials = true
	return cors.New(opts).Handler(routes()) // want `AV401`
}

// A wildcard pattern that matches every https origin, which rs/cors
// reflects.
func SchemeWildcard() *cors.Cors {
	return cors.New(cors.Options{ // want `AV401 high: AllowedOrigins "https://\*" together with AllowCredentials is true: rs/cors reflects every such origin`
		AllowedOrigins:   []string{"https://*"},
		AllowCredentials: true,
	})
}

func corsOptions() cors.Options {
	return cors.Options{
		AllowOriginFunc:  func(origin string) bool { return true },
		AllowCredentials: true,
	}
}

// Options from a helper: a callback that accepts every origin.
func FromHelper() http.Handler {
	return cors.New(corsOptions()).Handler(routes()) // want `AV402 high: AllowOriginFunc accepts every origin and AllowCredentials is true: rs/cors reflects the request's Origin`
}

func allowAnyOrigin(r *http.Request, origin string) bool {
	if origin == "" {
		return false
	}
	return true
}

// A named request callback that only rejects an empty origin.
func NamedCallback() *cors.Cors {
	return cors.New(cors.Options{ // want `AV402 high: AllowOriginRequestFunc accepts every origin`
		AllowOriginRequestFunc: allowAnyOrigin,
		AllowCredentials:       true,
	})
}

// Suffix without a dot boundary.
func SuffixCheck() *cors.Cors {
	return cors.New(cors.Options{ // want `AV403 medium: AllowOriginFunc checks strings.HasSuffix\(origin, "example.com"\) \(with credentials\): an attacker's origin such as https://evilexample.com passes`
		AllowOriginFunc: func(origin string) bool {
			return strings.HasSuffix(origin, "example.com")
		},
		AllowCredentials: true,
	})
}

// A glob that lets any name ending in example.com in.
func GlobNoDot() *cors.Cors {
	return cors.New(cors.Options{ // want `AV403 medium: AllowedOrigins entry "https://\*example.com" \(with credentials\): it also matches https://evilexample.com`
		AllowedOrigins:   []string{"https://*example.com"},
		AllowCredentials: true,
	})
}

// The null origin with credentials.
func NullOrigin() *cors.Cors {
	return cors.New(cors.Options{ // want `AV403 medium: AllowedOrigins lists "null" and credentials are allowed`
		AllowedOrigins:   []string{config.WebOrigin, "null"},
		AllowCredentials: true,
	})
}

// Credentials switched on by the environment.
func EnvCredentials() *cors.Cors {
	return cors.New(cors.Options{ // want `AV401 high: AllowedOrigins "\*" together with AllowCredentials can be true \(os.Getenv\("CORS_CREDENTIALS"\) == "true"\)`
		AllowedOrigins:   []string{"*"},
		AllowCredentials: os.Getenv("CORS_CREDENTIALS") == "true",
	})
}

// --- safe look-alikes ---

// An explicit list with credentials.
func ExplicitList() *cors.Cors {
	return cors.New(cors.Options{
		AllowedOrigins:   []string{config.WebOrigin, config.AdminOrigin, "https://*.example.com", "http://localhost:*"},
		AllowCredentials: true,
	})
}

// A wildcard without credentials: a public API.
func PublicAPI() *cors.Cors {
	return cors.New(cors.Options{
		AllowedOrigins: []string{"*"},
		AllowedMethods: []string{http.MethodGet},
	})
}

// AllowAll and Default never allow credentials.
func Permissive() (*cors.Cors, *cors.Cors) {
	return cors.AllowAll(), cors.Default()
}

var allowed = []string{config.WebOrigin, config.AdminOrigin}

// A callback that looks the origin up in a list.
func ListCallback() *cors.Cors {
	return cors.New(cors.Options{
		AllowOriginFunc: func(origin string) bool {
			return slices.Contains(allowed, origin)
		},
		AllowCredentials: true,
	})
}

// A callback with a dot boundary.
func SubdomainCallback() *cors.Cors {
	return cors.New(cors.Options{
		AllowOriginFunc: func(origin string) bool {
			return origin == config.WebOrigin || strings.HasSuffix(origin, ".example.com")
		},
		AllowCredentials: true,
	})
}

// A callback accepting everything, but without credentials.
func OpenCallback() *cors.Cors {
	return cors.New(cors.Options{AllowOriginFunc: func(string) bool { return true }})
}

// Credentials from the configuration file: the operator's choice, and
// the origins too.
func FromConfigFile(cfg *config.Config) *cors.Cors {
	return cors.New(cors.Options{
		AllowedOrigins:   cfg.CORS.Origins,
		AllowCredentials: cfg.CORS.AllowCredentials,
	})
}

// A wildcard overridden before use.
func Overridden() *cors.Cors {
	opts := cors.Options{AllowedOrigins: []string{"*"}}
	opts.AllowedOrigins = []string{config.WebOrigin}
	opts.AllowCredentials = true
	return cors.New(opts)
}

// Suppressed with a reason.
func Suppressed() *cors.Cors {
	//apivet:ignore AV401 internal tool behind the VPN, reviewed in SEC-123
	return cors.New(cors.Options{AllowedOrigins: []string{"*"}, AllowCredentials: true})
}
