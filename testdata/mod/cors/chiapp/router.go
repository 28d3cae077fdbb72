// Package chiapp is a chi service with go-chi/cors.
package chiapp

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/cors"
)

var corsOptions = cors.Options{
	AllowedOrigins:   []string{"https://*", "http://*"},
	AllowedMethods:   []string{"GET", "POST", "PUT", "DELETE", "OPTIONS"},
	AllowedHeaders:   []string{"Accept", "Authorization", "Content-Type"},
	AllowCredentials: true,
	MaxAge:           300,
}

// Router uses a package-level options value: the README's patterns with
// credentials switched on.
func Router() http.Handler {
	r := chi.NewRouter()
	r.Use(cors.Handler(corsOptions)) // want `AV401 high: AllowedOrigins "https://\*" together with AllowCredentials is true: go-chi/cors reflects every such origin`
	r.Get("/api/me", func(w http.ResponseWriter, r *http.Request) {})
	return r
}

func callback() func(http.Handler) http.Handler {
	return cors.Handler(cors.Options{ // want `AV402 high: AllowOriginFunc accepts every origin`
		AllowOriginFunc:  func(r *http.Request, origin string) bool { return true },
		AllowCredentials: true,
	})
}

// --- safe look-alikes ---

func readme() func(http.Handler) http.Handler {
	return cors.Handler(cors.Options{
		AllowedOrigins:   []string{"https://*", "http://*"},
		AllowCredentials: false,
		MaxAge:           300,
	})
}

func explicit() *cors.Cors {
	return cors.New(cors.Options{AllowedOrigins: []string{"https://app.example.com"}, AllowCredentials: true})
}
