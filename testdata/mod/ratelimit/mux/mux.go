package mux

import (
	"net/http"

	"github.com/gorilla/mux"
	"github.com/sethvargo/go-limiter/httplimit"
	"github.com/sethvargo/go-limiter/memorystore"

	"example.com/apivettest/ratelimit/mw"
)

func login(w http.ResponseWriter, r *http.Request)  {}
func signup(w http.ResponseWriter, r *http.Request) {}

func unprotected() {
	r := mux.NewRouter()
	r.HandleFunc("/api/login", login).Methods("POST") // want `AV201 .*POST /api/login has no rate limiter and no middleware at all`
	r.HandleFunc("/api/login", login).Methods("GET")
	http.ListenAndServe(":8080", r)
}

func subrouter() {
	r := mux.NewRouter()
	auth := r.PathPrefix("/auth").Subrouter()
	auth.HandleFunc("/signup", signup).Methods(http.MethodPost)
	// mux applies a router's middleware to all its routes, whenever added.
	auth.Use(mw.New().Middleware)
	http.ListenAndServe(":8080", r)
}

func library() {
	store, _ := memorystore.New(&memorystore.Config{Tokens: 5})
	lim, _ := httplimit.NewMiddleware(store, httplimit.IPKeyFunc())
	r := mux.NewRouter()
	r.Use(lim.Handle)
	r.HandleFunc("/login", login).Methods("POST")
	http.ListenAndServe(":8080", r)
}

// perRoute: a wrapper from another package around one handler.
func perRoute() {
	r := mux.NewRouter()
	r.Handle("/login", mw.New().Middleware(http.HandlerFunc(login))).Methods("POST")
	r.HandleFunc("/register", signup).Methods("POST") // want `AV201 .*POST /register has no rate limiter and no middleware at all`
	http.ListenAndServe(":8080", r)
}
