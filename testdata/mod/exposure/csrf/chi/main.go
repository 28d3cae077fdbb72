// Command crm serves a CRM with chi and a double-submit CSRF check.
package main

import (
	"crypto/subtle"
	"log"
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/gorilla/sessions"
)

var store sessions.Store = sessions.NewFilesystemStore("/var/lib/crm", []byte("k"))

func currentUser(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sess, _ := store.Get(r, "crm")
		if sess.Values["uid"] == nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// doubleSubmit compares the X-CSRF-Token header with the csrf cookie.
func doubleSubmit(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie("csrf")
		if err != nil || subtle.ConstantTimeCompare([]byte(c.Value), []byte(r.Header.Get("X-CSRF-Token"))) != 1 {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func createContact(w http.ResponseWriter, r *http.Request) {}
func importLeads(w http.ResponseWriter, r *http.Request)   {}

func main() {
	r := chi.NewRouter()
	r.Group(func(r chi.Router) {
		r.Use(currentUser, doubleSubmit)
		r.Post("/contacts", createContact)
	})
	r.Group(func(r chi.Router) {
		r.Use(currentUser)
		r.Post("/leads/import", importLeads) // want `AV903 medium: POST /leads/import is authenticated by a session cookie \(read by currentUser\)`
	})
	log.Fatal(http.ListenAndServe(":8080", r))
}
