package main

import (
	"net/http"

	"github.com/gorilla/mux"
)

func login(w http.ResponseWriter, r *http.Request) {}
func list(w http.ResponseWriter, r *http.Request)  {}

func loggingMiddleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { next.ServeHTTP(w, r) })
}

var attempts = map[string]int{}

// limitLogins counts attempts per client.
func limitLogins(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		attempts[r.RemoteAddr]++
		if attempts[r.RemoteAddr] > 5 {
			http.Error(w, "slow down", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func main() {
	r := mux.NewRouter()                          // want `router mux mux\.NewRouter\(\) \(served\) \[loggingMiddleware\]`
	r.HandleFunc("/login", login).Methods("POST") // want `POST /login \[loggingMiddleware\] login`
	api := r.PathPrefix("/api").Subrouter()
	api.Use(limitLogins)
	api.HandleFunc("/signin", login).Methods(http.MethodPost) // want `POST /api/signin \[loggingMiddleware, limitLogins\{rate-limit\}\] login`
	api.Methods("GET").Path("/items").HandlerFunc(list)       // want `GET /api/items \[loggingMiddleware, limitLogins\{rate-limit\}\] list`
	// Use on a router reaches routes registered before it.
	r.Use(loggingMiddleware)
	http.ListenAndServe(":8080", r) // want `start http\.ListenAndServe mux mux\.NewRouter\(\)`
}
