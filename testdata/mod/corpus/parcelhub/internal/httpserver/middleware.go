// Package httpserver assembles parcelhub's chi routers.
package httpserver

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/go-chi/cors"
	"github.com/go-chi/httprate"
	"github.com/unrolled/secure"

	"example.com/apivettest/corpus/parcelhub/internal/tokens"
)

type ctxKey string

func bearer(verify func(string) (string, error)) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			raw, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
			if !ok {
				http.Error(w, "unauthorized", http.StatusUnauthorized)
				return
			}
			sub, err := verify(raw)
			if err != nil {
				http.Error(w, "unauthorized", http.StatusUnauthorized)
				return
			}
			next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey("sub"), sub)))
		})
	}
}

func consoleAuth(t *tokens.Service) func(http.Handler) http.Handler {
	return bearer(func(raw string) (string, error) {
		tok, err := t.VerifyConsole(raw)
		if err != nil {
			return "", err
		}
		return tok.Subject(), nil
	})
}

func driverAuth(t *tokens.Service) func(http.Handler) http.Handler {
	return bearer(func(raw string) (string, error) {
		tok, err := t.VerifyDriver(raw)
		if err != nil {
			return "", err
		}
		return tok.Subject(), nil
	})
}

// authLimit is the limiter for credential endpoints: 10 a minute per client.
func authLimit() func(http.Handler) http.Handler {
	return httprate.LimitBy(10, time.Minute, httprate.KeyByIP)
}

// secureOptions are the header settings for the API and the driver app.
func secureOptions(stsSeconds int64) secure.Options {
	return secure.Options{
		STSSeconds:           stsSeconds,
		STSIncludeSubdomains: true,
		ForceSTSHeader:       true,
		FrameDeny:            true,
		ContentTypeNosniff:   true,
		ReferrerPolicy:       "no-referrer",
	}
}

// consoleCORS lets the console's own origins call the API with credentials.
func consoleCORS(origins []string) func(http.Handler) http.Handler {
	opts := cors.Options{
		AllowedOrigins:   origins,
		AllowedMethods:   []string{"GET", "POST", "PUT", "DELETE"},
		AllowedHeaders:   []string{"Authorization", "Content-Type"},
		AllowCredentials: true,
		MaxAge:           600,
	}
	// an explicit origin list from the configuration, with credentials
	return cors.Handler(opts) // safe:cors
}

// driverCORS serves the driver web app on *.parcelhub.io.
func driverCORS() func(http.Handler) http.Handler {
	// the suffix check has no dot: "evilparcelhub.io" passes
	c := cors.New(cors.Options{ // vuln:cors
		AllowOriginFunc: func(r *http.Request, origin string) bool {
			return strings.HasSuffix(origin, "parcelhub.io")
		},
		AllowCredentials: true,
		AllowedHeaders:   []string{"Authorization", "Content-Type"},
	})
	return c.Handler
}

// trackCORS lets shop sites embed tracking status; no cookies are sent.
func trackCORS() func(http.Handler) http.Handler {
	// wildcard origin without credentials
	return cors.Handler(cors.Options{AllowedOrigins: []string{"*"}, AllowedMethods: []string{"GET"}}) // safe:cors
}
