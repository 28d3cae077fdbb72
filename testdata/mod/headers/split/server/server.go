// Package server keeps its router in a struct and serves it.
package server

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
)

type Server struct {
	router *chi.Mux
	http   *http.Server
}

func New() *Server {
	s := &Server{router: chi.NewRouter()} // want `AV701 .*chi router chi.NewRouter\(\) serves responses without`
	s.router.Use(middleware.Recoverer)
	s.routes()
	s.http = &http.Server{Addr: ":8080", Handler: s.router}
	return s
}

func (s *Server) routes() {
	s.router.Get("/items", func(w http.ResponseWriter, r *http.Request) {})
}

func (s *Server) Start() error { return s.http.ListenAndServe() }
