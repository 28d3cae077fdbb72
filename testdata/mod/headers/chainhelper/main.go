package main

import (
	"log"
	"net/http"
	"os"
)

type Middleware func(http.Handler) http.Handler

func Chain(h http.Handler, mws ...Middleware) http.Handler {
	for i := len(mws) - 1; i >= 0; i-- {
		h = mws[i](h)
	}
	return h
}

// securityHeaders are set in a loop by secureHeaders, wrapped around the
// mux by a Chain helper: no AV701.
var securityHeaders = map[string]string{
	"Strict-Transport-Security": "max-age=31536000; includeSubDomains",
	"X-Content-Type-Options":    "nosniff",
	"X-Frame-Options":           "DENY",
}

func secureHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for k, v := range securityHeaders {
			w.Header().Set(k, v)
		}
		next.ServeHTTP(w, r)
	})
}

// logRequests copies nothing it cannot name.
func logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		log.Println(r.Method, r.URL.Path)
		next.ServeHTTP(w, r)
	})
}

type server struct {
	mux *http.ServeMux
}

func (s *server) handleLogin() http.HandlerFunc {
	type request struct{ Email, Password string }
	return func(w http.ResponseWriter, r *http.Request) {}
}

func (s *server) routes() {
	s.mux.HandleFunc("POST /api/login", s.handleLogin())
	s.mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {})
}

func main() {
	s := &server{mux: http.NewServeMux()}
	s.routes()
	addr := ":" + os.Getenv("PORT")
	log.Fatal(http.ListenAndServe(addr, Chain(s.mux, logRequests, secureHeaders)))
}

// bare is served without the header middleware.
func bare() {
	mux := http.NewServeMux() // want `AV701 .*nethttp router http.NewServeMux\(\) serves responses without`
	mux.HandleFunc("GET /items", func(w http.ResponseWriter, r *http.Request) {})
	http.ListenAndServe(":8081", Chain(mux, logRequests))
}
