package rsapi

import (
	"net/http"
	"os"
	"strings"

	"github.com/rs/cors"
)

func getEnv(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

// EnvDefault falls back to every origin when the variable is unset.
func EnvDefault() *cors.Cors {
	return cors.New(cors.Options{ // want `AV401 high: AllowedOrigins defaulting to "\*" together with AllowCredentials is true`
		AllowedOrigins:   strings.Split(getEnv("CORS_ORIGINS", "*"), ","),
		AllowCredentials: true,
	})
}

// FallbackHeader writes a configured origin, "*" when none is set.
func FallbackHeader(next http.Handler) http.Handler {
	origin := os.Getenv("CORS_ORIGIN")
	if origin == "" {
		origin = "*"
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Access-Control-Allow-Origin", origin) // want `AV401 high: Access-Control-Allow-Origin \(origin\) defaults to "\*" while Access-Control-Allow-Credentials is "true"`
		w.Header().Set("Access-Control-Allow-Credentials", "true")
		next.ServeHTTP(w, r)
	})
}

// --- safe look-alikes ---

// EnvListDefault falls back to the web app.
func EnvListDefault() *cors.Cors {
	return cors.New(cors.Options{
		AllowedOrigins:   strings.Split(getEnv("CORS_ORIGINS", "https://app.example.com"), ","),
		AllowCredentials: true,
	})
}

// PublicDefault: a wildcard default without credentials.
func PublicDefault() *cors.Cors {
	return cors.New(cors.Options{AllowedOrigins: []string{getEnv("CORS_ORIGIN", "*")}})
}
