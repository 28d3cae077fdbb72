package middleware

import (
	"net/http"

	"github.com/rs/cors"
)

// AppCORS lets the wallet's own web app call the API with cookies.
func AppCORS(origins []string) Middleware {
	allowed := make(map[string]struct{}, len(origins))
	for _, o := range origins {
		allowed[o] = struct{}{}
	}
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			origin := r.Header.Get("Origin")
			if _, ok := allowed[origin]; ok {
				// the origin is echoed only after the allow-list lookup
				w.Header().Set("Access-Control-Allow-Origin", origin) // safe:cors
				w.Header().Set("Access-Control-Allow-Credentials", "true")
				w.Header().Add("Vary", "Origin")
			}
			if r.Method == http.MethodOptions {
				w.Header().Set("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE")
				w.Header().Set("Access-Control-Allow-Headers", "Authorization, Content-Type")
				w.WriteHeader(http.StatusNoContent)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

// WidgetCORS is used by the embeddable pay widget, which sends no cookies.
func WidgetCORS() Middleware {
	// any origin, but no credentials
	c := cors.New(cors.Options{ // safe:cors
		AllowedOrigins: []string{"*"},
		AllowedMethods: []string{http.MethodGet, http.MethodPost},
		AllowedHeaders: []string{"Content-Type"},
	})
	return c.Handler
}

// MerchantCORS is used by the merchant dashboard embed.
func MerchantCORS() Middleware {
	opts := merchantOptions()
	// the request func accepts every origin and credentials are on
	return cors.New(opts).Handler // vuln:cors
}

func merchantOptions() cors.Options {
	return cors.Options{
		AllowOriginRequestFunc: func(r *http.Request, origin string) bool {
			return true
		},
		AllowCredentials: true,
		AllowedHeaders:   []string{"Authorization", "Content-Type"},
	}
}
