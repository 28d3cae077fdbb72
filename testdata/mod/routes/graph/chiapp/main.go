package main

import (
	"net/http"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
	"github.com/go-chi/httprate"
)

type server struct {
	router *chi.Mux
}

func login(w http.ResponseWriter, r *http.Request) {}
func me(w http.ResponseWriter, r *http.Request)    {}

func authRoutes() chi.Router {
	r := chi.NewRouter() // want `router chi chi\.NewRouter\(\) \(mounted\) \[middleware\.Timeout\{timeout\}, middleware\.Logger\{logging\}, httprate\.LimitByIP\{rate-limit\}\]`
	r.Use(httprate.LimitByIP(10, time.Minute))
	r.Post("/login", login) // want `POST /auth/login \[middleware\.Timeout\{timeout\}, middleware\.Logger\{logging\}, httprate\.LimitByIP\{rate-limit\}\] login`
	return r
}

func (s *server) routes() {
	s.router.Use(middleware.Logger)
	s.router.Mount("/auth", authRoutes())
	s.router.Route("/api", func(r chi.Router) {
		r.With(middleware.NoCache).Get("/me", me) // want `GET /api/me \[middleware\.Timeout\{timeout\}, middleware\.Logger\{logging\}, middleware\.NoCache\] me`
		r.Group(func(r chi.Router) {
			r.Use(middleware.Recoverer)
			r.Post("/token", login) // want `POST /api/token \[middleware\.Timeout\{timeout\}, middleware\.Logger\{logging\}, middleware\.Recoverer\{recovery\}\] login`
		})
		r.Route("/users", userRoutes)
	})
}

func userRoutes(r chi.Router) {
	r.Post("/password/reset", login) // want `POST /api/users/password/reset \[middleware\.Timeout\{timeout\}, middleware\.Logger\{logging\}\] login`
}

func newServer() *server {
	s := &server{router: chi.NewRouter()} // want `router chi chi\.NewRouter\(\) \(served escapes\) \[middleware\.Timeout\{timeout\}, middleware\.Logger\{logging\}\]`
	s.routes()
	return s
}

func main() {
	s := newServer()
	srv := &http.Server{Addr: ":8080", Handler: middleware.Timeout(time.Second)(s.router)}
	srv.ListenAndServe() // want `start \(\*http\.Server\)\.ListenAndServe chi chi\.NewRouter\(\)`
}
