// Command helpdesk has two cookie sessions: the app-wide SameSite=Lax
// cookie of the staff console does not protect the portal's.
package main

import (
	"log"
	"net/http"

	"example.com/apivettest/exposure/csrf/twocookies/auth"
)

var sessions = map[string]string{}

// staff identifies staff by their Lax cookie.
func staff(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie(auth.StaffCookie)
		if err != nil || sessions[c.Value] == "" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// customer identifies customers by the portal cookie, whose name says
// nothing: its absence is answered with 401.
func customer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie(auth.PortalCookie)
		if err != nil || sessions[c.Value] == "" {
			http.Error(w, "sign in", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func ok(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) }

func main() {
	mux := http.NewServeMux()
	mux.Handle("POST /staff/tickets/{id}/close", staff(http.HandlerFunc(ok)))
	mux.Handle("POST /portal/tickets", customer(http.HandlerFunc(ok)))        // want `AV903`
	mux.Handle("DELETE /portal/tickets/{id}", customer(http.HandlerFunc(ok))) // want `AV903`
	mux.Handle("POST /portal/feedback", http.NewCrossOriginProtection().Handler(customer(http.HandlerFunc(ok))))
	log.Fatal(http.ListenAndServe(":8080", mux))
}
