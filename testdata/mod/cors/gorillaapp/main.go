// Package main is a gorilla/mux service.
package main

import (
	"net/http"
	"os"
	"regexp"
	"strings"

	"github.com/gorilla/handlers"
	"github.com/gorilla/mux"
)

func main() {
	r := mux.NewRouter()
	r.HandleFunc("/api/me", func(w http.ResponseWriter, r *http.Request) {})

	headersOk := handlers.AllowedHeaders([]string{"X-Requested-With", "Content-Type", "Authorization"})
	originsOk := handlers.AllowedOrigins([]string{"*"})
	methodsOk := handlers.AllowedMethods([]string{"GET", "HEAD", "POST", "PUT", "OPTIONS"})
	credsOk := handlers.AllowCredentials()
	_ = http.ListenAndServe(":8080", handlers.CORS(originsOk, headersOk, methodsOk, credsOk)(r)) // want `AV401 high: AllowedOrigins "\*" together with AllowCredentials is true: gorilla/handlers answers`
}

func noOrigins(h http.Handler) http.Handler {
	return handlers.CORS(handlers.AllowCredentials())(h) // want `AV401 high: no AllowedOrigins \(gorilla/handlers then allows every origin\)`
}

func validator(h http.Handler) http.Handler {
	opts := []handlers.CORSOption{
		handlers.AllowedOriginValidator(func(origin string) bool { return true }),
		handlers.AllowCredentials(),
	}
	return handlers.CORS(opts...)(h) // want `AV402 high: AllowedOriginValidator accepts every origin`
}

// --- safe look-alikes ---

func explicit(h http.Handler) http.Handler {
	return handlers.CORS(
		handlers.AllowedOrigins([]string{"https://app.example.com"}),
		handlers.AllowCredentials(),
	)(h)
}

func fromEnv(h http.Handler) http.Handler {
	origins := strings.Split(os.Getenv("CORS_ORIGINS"), ",")
	return handlers.CORS(handlers.AllowedOrigins(origins), handlers.AllowCredentials())(h)
}

func public(h http.Handler) http.Handler {
	return handlers.CORS(handlers.AllowedOrigins([]string{"*"}))(h)
}

var partnerOrigin = regexp.MustCompile(`https://[a-z]+\.partner\.example`)

var partnerOriginAnchored = regexp.MustCompile(`^https://[a-z]+\.partner\.example$`)

func partners(h http.Handler) http.Handler {
	return handlers.CORS(handlers.AllowedOriginValidator(partnerOrigin.MatchString), handlers.AllowCredentials())(h) // want `AV403 .*AllowedOriginValidator matches the origin with regexp .* without anchors`
}

func partnersAnchored(h http.Handler) http.Handler {
	return handlers.CORS(handlers.AllowedOriginValidator(partnerOriginAnchored.MatchString), handlers.AllowCredentials())(h)
}
