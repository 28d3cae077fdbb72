// Command reports sits behind the company's SSO gateway, which sets the
// session cookie (and decides its SameSite attribute): apivet cannot see
// it and stays silent.
package main

import (
	"log"
	"net/http"
)

func ssoUser(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := r.Cookie("sso_session"); err != nil {
			http.Redirect(w, r, "https://sso.example.com/login", http.StatusFound)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func schedule(w http.ResponseWriter, r *http.Request) {
	// A preference cookie the service sets itself is no session cookie.
	http.SetCookie(w, &http.Cookie{Name: "report_tz", Value: r.FormValue("tz")})
}

func main() {
	mux := http.NewServeMux()
	mux.Handle("POST /reports/schedule", ssoUser(http.HandlerFunc(schedule)))
	log.Fatal(http.ListenAndServe(":8080", mux))
}
