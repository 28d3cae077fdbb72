// Package muxtable registers its routes from the classic gorilla/mux
// "Routes" table, each handler wrapped by a logger in the loop.
package muxtable

import (
	"log"
	"net/http"

	"github.com/gorilla/mux"
	"golang.org/x/time/rate"
)

// Route is one row of the table.
type Route struct {
	Name        string
	Method      string
	Pattern     string
	HandlerFunc http.HandlerFunc
}

// Routes is the table type.
type Routes []Route

func login(w http.ResponseWriter, r *http.Request)   {}
func reset(w http.ResponseWriter, r *http.Request)   {}
func items(w http.ResponseWriter, r *http.Request)   {}
func refresh(w http.ResponseWriter, r *http.Request) {}

var limiter = rate.NewLimiter(5, 10)

// limited answers 429 once the limiter runs dry.
func limited(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !limiter.Allow() {
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return
		}
		next(w, r)
	}
}

const loginPath = "/v1/login"

var routes = Routes{
	Route{"Login", "POST", loginPath, login}, // want `AV201 .*POST /v1/login has no rate limiter`
	Route{ // want `AV201 .*POST /v1/password/reset`
		Name:        "PasswordReset",
		Method:      http.MethodPost,
		Pattern:     "/v1/password/reset",
		HandlerFunc: reset,
	},
	Route{"Items", "GET", "/v1/items", items},
	Route{"Refresh", "POST", "/v1/token/refresh", limited(refresh)},
}

func logger(inner http.Handler, name string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		log.Println(name, r.URL.Path)
		inner.ServeHTTP(w, r)
	})
}

// NewRouter builds the router from the table.
func NewRouter() *mux.Router {
	router := mux.NewRouter().StrictSlash(true)
	for _, route := range routes {
		var handler http.Handler = route.HandlerFunc
		handler = logger(handler, route.Name)
		router.Methods(route.Method).Path(route.Pattern).Name(route.Name).Handler(handler)
	}
	return router
}

// Serve starts it.
func Serve() {
	log.Fatal(http.ListenAndServe(":8080", NewRouter()))
}

// addRoute registers one row.
func addRoute(r *mux.Router, route Route) {
	r.Methods(route.Method).Path(route.Pattern).HandlerFunc(route.HandlerFunc).Name(route.Name)
}

var adminRoutes = Routes{
	{"AdminLogin", "POST", "/admin/login", login}, // want `AV201 .*POST /admin/login`
	{"AdminItems", "GET", "/admin/items", items},
}

// Admin builds the admin router one row at a time.
func Admin() {
	r := mux.NewRouter()
	for _, route := range adminRoutes {
		addRoute(r, route)
	}
	log.Fatal(http.ListenAndServe(":8081", r))
}
