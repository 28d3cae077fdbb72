// Command web serves the billing pages as they are.
package main

import (
	"log"
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/gorilla/sessions"

	"example.com/apivettest/exposure/csrfcross/api"
)

func main() {
	store := sessions.NewCookieStore([]byte("key"))
	r := chi.NewRouter()
	api.Register(r, store)
	log.Fatal(http.ListenAndServe(":8080", r))
}
