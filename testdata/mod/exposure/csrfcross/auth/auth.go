// Package auth identifies the users of the billing pages.
package auth

import (
	"net/http"

	"github.com/gorilla/sessions"
)

// RequireSession lets through requests whose session names a user.
func RequireSession(store sessions.Store) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			sess, err := store.Get(r, "billing")
			if err != nil || sess.Values["user"] == nil {
				http.Redirect(w, r, "/login", http.StatusSeeOther)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}
