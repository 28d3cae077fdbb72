// Package gateway assembles the public router: OAuth endpoints handled
// locally, everything else proxied.
package gateway

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"strings"
	"time"

	"github.com/julienschmidt/httprouter"

	"example.com/apivettest/corpus/edgeway/internal/config"
	"example.com/apivettest/corpus/edgeway/internal/corsmw"
	"example.com/apivettest/corpus/edgeway/internal/guard"
	"example.com/apivettest/corpus/edgeway/internal/hdr"
	"example.com/apivettest/corpus/edgeway/internal/oauth"
	"example.com/apivettest/corpus/edgeway/internal/throttle"
)

// Backends are the proxies built by package proxy.
type Backends struct {
	Main, Billing, Mesh http.Handler
}

// requestID tags each request for tracing.
func requestID(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-Request-ID") == "" {
			// a trace correlation id, not a secret
			r.Header.Set("X-Request-ID", fmt.Sprintf("%016x", rand.Uint64())) // safe:crypto
		}
		next.ServeHTTP(w, r)
	})
}

// New builds the public handler.
func New(cfg config.Config, o *oauth.Handlers, b Backends, log *slog.Logger) http.Handler {
	// wrapped in hdr.Secure below: HSTS, nosniff, X-Frame-Options, CSP
	r := httprouter.New() // safe:headers

	tokenLimit := throttle.New(10, time.Minute)
	// the token endpoint sits behind the per-IP bucket
	r.Handler(http.MethodPost, "/oauth/token", corsmw.Allowlist(cfg.Origins, tokenLimit.Wrap(http.HandlerFunc(o.Token)))) // safe:ratelimit
	// introspection accepts any number of guesses
	r.POST("/oauth/introspect", o.Introspect) // vuln:ratelimit
	// so does revocation
	r.POST("/oauth/revoke", o.Revoke) // vuln:ratelimit
	// public metadata document, a GET
	r.GET("/.well-known/oauth-authorization-server", o.Metadata) // safe:ratelimit
	attempts := guard.NewAttempts(5)
	// the guard package counts failures per account and answers 429
	r.Handler(http.MethodPost, "/mfa/challenge", attempts.Wrap(o.Challenge)) // safe:ratelimit

	r.Handler(http.MethodGet, "/api/*path", corsmw.Allowlist(cfg.Origins, b.Main))
	r.Handler(http.MethodPost, "/api/*path", corsmw.Allowlist(cfg.Origins, b.Main))
	r.Handler(http.MethodGet, "/t/*path", corsmw.Tenants(b.Main))
	r.Handler(http.MethodGet, "/docs/*path", corsmw.Docs(b.Main))
	r.Handler(http.MethodGet, "/explorer/*path", corsmw.Sandbox(b.Mesh))
	r.Handler(http.MethodGet, "/billing/*path", b.Billing)
	r.Handler(http.MethodGet, "/status", corsmw.Public(http.HandlerFunc(status)))
	r.POST("/hooks/:name", relay(log))
	r.GET("/debug/token", debugToken)
	return requestID(hdr.Secure(r))
}

func status(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	_, _ = io.WriteString(w, `{"status":"ok"}`)
}

func relay(log *slog.Logger) httprouter.Handle {
	return func(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
		// at most 1 MiB is read
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20)) // safe:transport
		if err != nil {
			http.Error(w, "payload too large", http.StatusRequestEntityTooLarge)
			return
		}
		log.Info("hook", "name", ps.ByName("name"), "bytes", len(body))
		w.WriteHeader(http.StatusAccepted)
	}
}

func debugToken(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	claims, err := oauth.Claims(strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer "))
	if err != nil {
		http.Error(w, "not a JWT", http.StatusBadRequest)
		return
	}
	_ = json.NewEncoder(w).Encode(claims)
}
