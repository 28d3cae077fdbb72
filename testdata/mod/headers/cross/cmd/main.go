package main

import (
	"net/http"

	"github.com/gin-contrib/secure"
	"github.com/go-chi/chi/v5"

	"example.com/apivettest/headers/cross/api"
	"example.com/apivettest/headers/cross/defmux"
	"example.com/apivettest/headers/cross/srv"
	"example.com/apivettest/headers/mw"
)

func main() {
	go http.ListenAndServe(":8081", mw.SecureHeaders(api.Wrapped()))
	go http.ListenAndServe(":8082", api.Bare())

	r := chi.NewRouter()
	r.Use(mw.SecureHeaders)
	r.Mount("/api", api.Sub())
	go http.ListenAndServe(":8083", r)

	bare := chi.NewRouter() // want `AV701 .*chi router chi.NewRouter\(\) serves responses without Strict-Transport-Security`
	bare.Get("/items", nil)
	go srv.New(":8085", bare).ListenAndServe()

	wrapped := chi.NewRouter()
	wrapped.Get("/items", nil)
	go srv.Run(":8086", wrapped)

	defmux.Register()
	go http.ListenAndServe(":8087", nil) // want `AV701 .*http.DefaultServeMux serves responses without`

	e := api.Engine()
	e.Use(secure.New(secure.DefaultConfig()))
	e.Run(":8084")
}
