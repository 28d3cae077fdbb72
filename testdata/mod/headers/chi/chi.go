package chi

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
	"github.com/unrolled/secure"

	"example.com/apivettest/headers/mw"
)

func list(w http.ResponseWriter, r *http.Request) {}

func bare() {
	r := chi.NewRouter() // want `AV701 .*chi router chi.NewRouter\(\) serves responses without Strict-Transport-Security, X-Content-Type-Options: nosniff and frame protection`
	r.Use(middleware.Logger)
	r.Get("/items", list)
	http.ListenAndServe(":8080", r)
}

func unrolled() {
	sec := secure.New(secure.Options{
		STSSeconds:         31536000,
		FrameDeny:          true,
		ContentTypeNosniff: true,
	})
	r := chi.NewRouter()
	r.Use(sec.Handler)
	r.Get("/items", list)
	http.ListenAndServe(":8080", r)
}

func unrolledNoSTS() {
	sec := secure.New(secure.Options{FrameDeny: true, ContentTypeNosniff: true})
	r := chi.NewRouter() // want `AV701 .*without Strict-Transport-Security;`
	r.Use(sec.Handler)
	r.Get("/items", list)
	http.ListenAndServe(":8080", r)
}

func setHeader() {
	r := chi.NewRouter()
	r.Use(middleware.SetHeader("Strict-Transport-Security", "max-age=31536000"))
	r.Use(middleware.SetHeader("X-Content-Type-Options", "nosniff"))
	r.Use(middleware.SetHeader("Content-Security-Policy", "frame-ancestors 'none'"))
	r.Get("/items", list)
	http.ListenAndServe(":8080", r)
}

// fromPackage: the middleware lives in another package.
func fromPackage() {
	r := chi.NewRouter()
	r.Use(mw.SecureHeaders)
	r.Get("/items", list)
	api := chi.NewRouter()
	api.Get("/users", list)
	r.Mount("/api", api)
	http.ListenAndServe(":8080", r)
}

func partial() {
	r := chi.NewRouter() // want `AV701 .*without Strict-Transport-Security and frame protection`
	r.Use(mw.NoSniff)
	r.Get("/items", list)
	http.ListenAndServe(":8080", r)
}

// subRouter is mounted by another package: not a served router here.
func SubRouter() chi.Router {
	r := chi.NewRouter()
	r.Get("/users", list)
	return r
}
