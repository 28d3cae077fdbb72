// Command notes sets its session cookie SameSite=Lax: cross-site POSTs
// arrive without it.
package main

import (
	"log"
	"net/http"

	"github.com/go-chi/chi/v5"
)

func auth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := r.Cookie("session"); err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func login(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{
		Name:     "session",
		Value:    "opaque",
		HttpOnly: true,
		Secure:   true,
		SameSite: http.SameSiteLaxMode,
	})
}

func save(w http.ResponseWriter, r *http.Request) {}

func main() {
	r := chi.NewRouter()
	r.Post("/login", login)
	r.With(auth).Post("/notes", save)
	log.Fatal(http.ListenAndServe(":8080", r))
}
