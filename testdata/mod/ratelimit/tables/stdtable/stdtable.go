// Package stdtable registers Go 1.22 patterns from a table returned by a
// function, through a helper that appends per-route middleware to the
// outer ones.
package stdtable

import (
	"log"
	"net/http"

	"github.com/go-chi/httprate"
)

// Middleware wraps a handler.
type Middleware func(http.Handler) http.Handler

// Chain applies mws around h, the first outermost.
func Chain(h http.Handler, mws ...Middleware) http.Handler {
	for i := len(mws) - 1; i >= 0; i-- {
		h = mws[i](h)
	}
	return h
}

type route struct {
	pattern string
	handler http.Handler
	chain   []Middleware
}

type handlers struct{}

func (handlers) Login() http.Handler      { return http.NotFoundHandler() }
func (handlers) SignUp() http.Handler     { return http.NotFoundHandler() }
func (handlers) VerifyOTP() http.Handler  { return http.NotFoundHandler() }
func (handlers) Catalogue() http.Handler  { return http.NotFoundHandler() }
func (handlers) ForgotPass() http.Handler { return http.NotFoundHandler() }

func requireBearer(next http.Handler) http.Handler { return next }

func publicRoutes(h handlers) []route {
	perIP := Middleware(httprate.LimitByIP(10, 60))
	return []route{
		{"POST /v1/login", h.Login(), []Middleware{perIP}},
		{"POST /v1/users", h.SignUp(), nil},                                 // want `AV201 .*POST /v1/users`
		{"POST /v1/otp/verify", h.VerifyOTP(), []Middleware{requireBearer}}, // want `AV201 .*POST /v1/otp/verify`
		{"POST /v1/password/forgot", h.ForgotPass(), []Middleware{requireBearer, perIP}},
		{"GET /v1/catalogue", h.Catalogue(), nil},
	}
}

func register(mux *http.ServeMux, table []route, outer ...Middleware) {
	for _, rt := range table {
		chain := append(append([]Middleware{}, outer...), rt.chain...)
		mux.Handle(rt.pattern, Chain(rt.handler, chain...))
	}
}

// Serve starts the service.
func Serve() {
	mux := http.NewServeMux()
	register(mux, publicRoutes(handlers{}))
	log.Fatal(http.ListenAndServe(":8080", mux))
}

// module mounts a feature's routes; the loop over modules is a table, but
// the modules register their own routes, which keep their own lines.
type module struct {
	name     string
	register func(mux *http.ServeMux)
}

func accountRoutes(mux *http.ServeMux) {
	mux.HandleFunc("POST /account/login", func(w http.ResponseWriter, r *http.Request) {}) // want `AV201 .*POST /account/login`
	mux.HandleFunc("GET /account/me", func(w http.ResponseWriter, r *http.Request) {})
}

func mountModules(mux *http.ServeMux) {
	for _, m := range []module{{"accounts", accountRoutes}} {
		m.register(mux)
	}
}

// ServeModules starts the modular service.
func ServeModules() {
	mux := http.NewServeMux()
	mountModules(mux)
	log.Fatal(http.ListenAndServe(":8081", mux))
}

func logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		log.Println(r.Method, r.URL.Path)
		next.ServeHTTP(w, r)
	})
}

func partnerRoutes(h handlers) []route {
	return []route{
		{"POST /partner/login", h.Login(), nil}, // want `AV201 .*POST /partner/login has no rate limiter in its middleware chain \(Chain, logRequests\)`
	}
}

// ServePartners passes the outer middleware to register: they are known,
// and none limits.
func ServePartners() {
	mux := http.NewServeMux()
	register(mux, partnerRoutes(handlers{}), logRequests)
	log.Fatal(http.ListenAndServe(":8082", mux))
}
