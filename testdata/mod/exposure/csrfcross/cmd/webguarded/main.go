// Command webguarded serves the billing pages behind Go's cross-origin
// protection.
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
	cop := http.NewCrossOriginProtection()
	log.Fatal(http.ListenAndServe(":8081", cop.Handler(r)))
}
