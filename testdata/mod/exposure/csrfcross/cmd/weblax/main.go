// Command weblax serves the billing pages with the login package's
// SameSite=Strict session cookie.
package main

import (
	"log"
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/gorilla/sessions"

	"example.com/apivettest/exposure/csrfcross/api"
	"example.com/apivettest/exposure/csrfcross/login"
)

func main() {
	store := sessions.NewCookieStore([]byte("key"))
	r := chi.NewRouter()
	r.Post("/login", login.Handle)
	api.Register(r, store)
	log.Fatal(http.ListenAndServe(":8082", r))
}
