package nethttp

import (
	"net/http"
	"time"

	"github.com/didip/tollbooth/v7"
	"github.com/go-chi/httprate"
	"github.com/justinas/alice"
	"github.com/ulule/limiter/v3"
	"github.com/ulule/limiter/v3/drivers/middleware/stdlib"
	"github.com/ulule/limiter/v3/drivers/store/memory"

	"example.com/apivettest/ratelimit/mw"
)

func login(w http.ResponseWriter, r *http.Request) {}
func reset(w http.ResponseWriter, r *http.Request) {}

func logging(next http.Handler) http.Handler { return next }

func unprotected() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /api/login", login) // want `AV201 .*POST /api/login has no rate limiter in its middleware chain \(logging\); add a limiter such as httprate.LimitByIP or golang.org/x/time/rate middleware`
	mux.HandleFunc("/password/reset", reset) // want `AV201 .*ANY /password/reset`
	mux.HandleFunc("GET /login", login)
	http.ListenAndServe(":8080", logging(mux))
}

func defaultMux() {
	http.HandleFunc("/login", login) // want `AV201 .*ANY /login has no rate limiter and no middleware at all`
	http.ListenAndServe(":8080", nil)
}

// wrapped: the whole mux sits behind a limiter.
func wrapped() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /login", login)
	http.ListenAndServe(":8080", httprate.LimitByIP(10, time.Minute)(mux))
}

func server() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /login", login)
	lim := stdlib.NewMiddleware(limiter.New(memory.NewStore(), limiter.Rate{Period: time.Minute, Limit: 5}))
	srv := &http.Server{Addr: ":8080", Handler: lim.Handler(mux)}
	srv.ListenAndServe()
}

// perRoute: wrappers around the handler.
func perRoute() {
	l := mw.New()
	mux := http.NewServeMux()
	mux.Handle("POST /login", l.Middleware(http.HandlerFunc(login)))
	mux.Handle("POST /password/reset", tollbooth.LimitFuncHandler(tollbooth.NewLimiter(1, nil), reset))
	chain := alice.New(logging, l.Middleware)
	mux.Handle("POST /signin", chain.ThenFunc(login))
	http.ListenAndServe(":8080", mux)
}

// limited: the handler limits itself.
func limitedLogin(w http.ResponseWriter, r *http.Request) {
	if !visitorLimiter.allow(r.RemoteAddr) {
		w.WriteHeader(http.StatusTooManyRequests)
		return
	}
}

type ipLimiter struct{}

func (ipLimiter) allow(string) bool { return true }

var visitorLimiter ipLimiter

func selfLimited() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /login", limitedLogin)
	http.ListenAndServe(":8080", mux)
}

// unknownMiddleware cannot be seen into: stay silent.
func unknownMiddleware(m func(http.Handler) http.Handler) {
	mux := http.NewServeMux()
	mux.Handle("POST /login", m(http.HandlerFunc(login)))
	http.ListenAndServe(":8080", mux)
}

// throttle is a wrapper struct whose ServeHTTP limits.
type throttle struct {
	next    http.Handler
	limiter *ipLimiterMap
}

type ipLimiterMap struct{}

func (ipLimiterMap) allow(string) bool { return true }

func (t *throttle) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !t.limiter.allow(r.RemoteAddr) {
		http.Error(w, "slow down", http.StatusTooManyRequests)
		return
	}
	t.next.ServeHTTP(w, r)
}

func newThrottle(next http.Handler) *throttle { return &throttle{next: next, limiter: &ipLimiterMap{}} }

func structWrapper() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /login", login)
	http.ListenAndServe(":8080", &throttle{next: mux})
}

func structConstructor() {
	mux := http.NewServeMux()
	mux.Handle("POST /login", newThrottle(http.HandlerFunc(login)))
	mux.HandleFunc("POST /signin", login) // want `AV201 .*POST /signin has no rate limiter and no middleware at all`
	http.ListenAndServe(":8080", mux)
}

// Limiter is the service's own limiter interface.
type Limiter interface {
	Allow(key string) bool
}

type authHandler struct {
	limiter Limiter
}

func (h *authHandler) login(w http.ResponseWriter, r *http.Request) {
	if !h.limiter.Allow(r.RemoteAddr) {
		w.WriteHeader(http.StatusForbidden)
		return
	}
}

func (h *authHandler) signup(w http.ResponseWriter, r *http.Request) {}

func interfaceLimiter(h *authHandler) {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /login", h.login)
	mux.HandleFunc("POST /signup", h.signup) // want `AV201 .*POST /signup has no rate limiter and no middleware at all`
	http.ListenAndServe(":8080", mux)
}
