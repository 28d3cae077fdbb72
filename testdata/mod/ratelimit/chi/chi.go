package chi

import (
	"net/http"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
	"github.com/go-chi/httprate"
	"golang.org/x/time/rate"

	"example.com/apivettest/ratelimit/mw"
)

type handler struct{}

func (handler) login(w http.ResponseWriter, r *http.Request)  {}
func (handler) token(w http.ResponseWriter, r *http.Request)  {}
func (handler) items(w http.ResponseWriter, r *http.Request)  {}
func (handler) logout(w http.ResponseWriter, r *http.Request) {}

func unprotected() http.Handler {
	h := handler{}
	r := chi.NewRouter()
	r.Use(middleware.RequestID, middleware.Logger)
	r.Post("/login", h.login) // want `AV201 .*POST /login has no rate limiter in its middleware chain \(middleware.RequestID, middleware.Logger\); add a limiter such as httprate.LimitByIP`
	r.Route("/oauth", func(r chi.Router) {
		r.Post("/token", h.token) // want `AV201 .*POST /oauth/token`
		r.Post("/logout", h.logout)
	})
	r.Get("/items", h.items)
	return r
}

func global() {
	h := handler{}
	r := chi.NewRouter()
	r.Use(httprate.LimitByIP(100, time.Minute))
	r.Post("/login", h.login)
	http.ListenAndServe(":8080", r)
}

func inline() {
	h := handler{}
	r := chi.NewRouter()
	r.With(httprate.LimitByRealIP(5, time.Minute)).Post("/login", h.login)
	r.Group(func(r chi.Router) {
		r.Use(mw.Chi())
		r.Post("/auth/token", h.token)
	})
	http.ListenAndServe(":8080", r)
}

func authRouter() chi.Router {
	h := handler{}
	r := chi.NewRouter()
	r.Post("/signin", h.login)
	return r
}

// mounted: the mounting router limits what it mounts.
func mounted() {
	r := chi.NewRouter()
	r.Use(mw.New().Middleware)
	r.Mount("/auth", authRouter())
	http.ListenAndServe(":8080", r)
}

// wrapped: a helper wraps the handler itself.
func wrapped() {
	h := handler{}
	r := chi.NewRouter()
	r.Handle("/login", mw.New().Middleware(http.HandlerFunc(h.login)))
	r.Post("/token", limitFunc(h.token))
	http.ListenAndServe(":8080", r)
}

// limitFunc rate-limits one handler with a shared token bucket.
func limitFunc(next http.HandlerFunc) http.HandlerFunc {
	lim := rate.NewLimiter(1, 3)
	return func(w http.ResponseWriter, r *http.Request) {
		if err := lim.Wait(r.Context()); err != nil {
			return
		}
		next(w, r)
	}
}
