package mux

import (
	"net/http"

	"github.com/gorilla/mux"
	"github.com/unrolled/secure"
)

func list(w http.ResponseWriter, r *http.Request) {}

func bare() {
	r := mux.NewRouter() // want `AV701 .*mux router mux.NewRouter\(\) serves responses without`
	r.HandleFunc("/items", list).Methods("GET")
	srv := &http.Server{Addr: ":8080", Handler: r}
	srv.ListenAndServe()
}

func unrolled() {
	r := mux.NewRouter()
	r.HandleFunc("/items", list).Methods("GET")
	sec := secure.New(secure.Options{STSSeconds: 31536000, FrameDeny: true, ContentTypeNosniff: true, ForceSTSHeader: true})
	// gorilla applies Use to routes registered before it too.
	r.Use(sec.Handler)
	srv := &http.Server{Addr: ":8080", Handler: r}
	srv.ListenAndServe()
}
