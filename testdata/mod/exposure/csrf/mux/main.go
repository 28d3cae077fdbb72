// Command wiki serves wiki pages with gorilla/mux and gorilla/csrf.
package main

import (
	"log"
	"net/http"
	"os"

	"github.com/gorilla/csrf"
	"github.com/gorilla/mux"
)

type wiki struct{}

// withUser loads the user from the "sid" cookie.
func (wk *wiki) withUser(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie("sid")
		if err != nil || c.Value == "" {
			http.Redirect(w, r, "/login", http.StatusSeeOther)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (wk *wiki) login(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "sid", Value: "opaque", Path: "/", HttpOnly: true, Secure: true})
}

func (wk *wiki) edit(w http.ResponseWriter, r *http.Request)    {}
func (wk *wiki) comment(w http.ResponseWriter, r *http.Request) {}
func (wk *wiki) theme(w http.ResponseWriter, r *http.Request) {
	// A preference cookie is no credential.
	if c, err := r.Cookie("theme"); err == nil {
		_ = c.Value
	}
}

func main() {
	wk := &wiki{}
	r := mux.NewRouter()
	r.HandleFunc("/login", wk.login).Methods(http.MethodPost)

	pages := r.PathPrefix("/pages").Subrouter()
	pages.Use(csrf.Protect([]byte(os.Getenv("CSRF_KEY"))), wk.withUser)
	pages.HandleFunc("/{slug}", wk.edit).Methods(http.MethodPost)

	comments := r.PathPrefix("/comments").Subrouter()
	comments.Use(wk.withUser)
	comments.HandleFunc("/{id}", wk.comment).Methods(http.MethodPost) // want `AV903 medium: POST /comments/\{id\} is authenticated by a session cookie \(read by wk.withUser\) and has no CSRF protection; add gorilla/csrf's csrf.Protect to the router`

	r.HandleFunc("/theme", wk.theme).Methods(http.MethodPost)

	// The admin router is served wrapped in gorilla/csrf as a whole.
	admin := mux.NewRouter()
	admin.Use(wk.withUser)
	admin.HandleFunc("/admin/pages/{slug}", wk.edit).Methods(http.MethodDelete)
	go func() { log.Fatal(http.ListenAndServe(":8081", csrf.Protect([]byte(os.Getenv("CSRF_KEY")))(admin))) }()

	log.Fatal(http.ListenAndServe(":8080", r))
}
