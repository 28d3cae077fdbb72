package main

import (
	"net/http"

	"github.com/justinas/alice"
	"github.com/unrolled/secure"
)

func login(w http.ResponseWriter, r *http.Request) {}
func users(w http.ResponseWriter, r *http.Request) {}

func logging(next http.Handler) http.Handler { return next }

func limit(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusTooManyRequests)
	})
}

func apiMux() *http.ServeMux {
	m := http.NewServeMux()           // want `router nethttp http\.NewServeMux\(\) \(mounted\) \[logging, sec\.Handler\{security-headers\}<Strict-Transport-Security,X-Frame-Options,X-Content-Type-Options>\]`
	m.HandleFunc("GET /users", users) // want `GET /api/users \[logging, sec\.Handler\{security-headers\}<Strict-Transport-Security,X-Frame-Options,X-Content-Type-Options>\] users`
	return m
}

func main() {
	mux := http.NewServeMux()                             // want `router nethttp http\.NewServeMux\(\) \(served\) \[logging, sec\.Handler\{security-headers\}<Strict-Transport-Security,X-Frame-Options,X-Content-Type-Options>\]`
	mux.HandleFunc("POST /login", login)                  // want `POST /login \[logging, sec\.Handler\{security-headers\}<Strict-Transport-Security,X-Frame-Options,X-Content-Type-Options>\] login`
	mux.Handle("/signin", limit(http.HandlerFunc(login))) // want `ANY /signin \[logging, sec\.Handler\{security-headers\}<Strict-Transport-Security,X-Frame-Options,X-Content-Type-Options>, limit\{rate-limit\}\] login`
	chain := alice.New(logging, limit)
	mux.Handle("POST /token", chain.ThenFunc(login)) // want `POST /token \[logging, sec\.Handler\{security-headers\}<Strict-Transport-Security,X-Frame-Options,X-Content-Type-Options>, logging, limit\{rate-limit\}\] login`
	mux.Handle("/api/", http.StripPrefix("/api", apiMux()))

	sec := secure.New(secure.Options{FrameDeny: true, ContentTypeNosniff: true, STSSeconds: 31536000})
	var handler http.Handler = mux
	handler = sec.Handler(handler)
	handler = logging(handler)
	http.ListenAndServe(":8080", handler) // want `start http\.ListenAndServe nethttp http\.NewServeMux\(\)`
}

func other() {
	http.HandleFunc("/reset-password", login) // want `ANY /reset-password \[\] login`
	http.ListenAndServe(":9090", nil)         // want `start http\.ListenAndServe nethttp http\.DefaultServeMux`
}
