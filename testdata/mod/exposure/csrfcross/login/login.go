// Package login starts sessions with a SameSite=Strict cookie.
package login

import "net/http"

// Handle checks the credentials and sets the session cookie.
func Handle(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "billing", Value: "opaque", HttpOnly: true, Secure: true, SameSite: http.SameSiteStrictMode})
}
