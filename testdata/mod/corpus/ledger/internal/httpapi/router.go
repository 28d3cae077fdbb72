// Package httpapi is the ledger's HTTP layer.
package httpapi

import (
	"net/http"
	"time"

	"golang.org/x/time/rate"

	"example.com/apivettest/corpus/ledger/internal/auth"
	"example.com/apivettest/corpus/ledger/internal/config"
	"example.com/apivettest/corpus/ledger/internal/middleware"
	"example.com/apivettest/corpus/ledger/internal/store"
)

// Deps are what the handlers need.
type Deps struct {
	Cfg    *config.Config
	Store  *store.Store
	Issuer *auth.Issuer
}

// NewRouter assembles the public API.
func NewRouter(d Deps) http.Handler {
	h := &Handlers{cfg: d.Cfg, store: d.Store, iss: d.Issuer}
	authLimiter := middleware.NewIPRateLimiter(rate.Every(12*time.Second), 5)
	bearer := middleware.Bearer(d.Issuer)

	// every response goes through SecurityHeaders below
	mux := http.NewServeMux() // safe:headers

	// the login route is wrapped in the per-IP limiter
	mux.Handle("POST /v1/login", authLimiter.Limit(http.HandlerFunc(h.Login))) // safe:ratelimit
	// the reset-request route has no limiter: unlimited reset mails and probing
	mux.HandleFunc("POST /v1/password/reset", h.RequestPasswordReset) // vuln:ratelimit
	// limited; authenticated by a SameSite=Strict refresh cookie the ledger sets itself
	mux.Handle("POST /v1/token/refresh", authLimiter.Limit(http.HandlerFunc(h.Refresh))) // safe:ratelimit,exposure
	// public price data under a "tokens" path, not a credential endpoint
	mux.HandleFunc("GET /v1/tokens/prices", h.TokenPrices) // safe:ratelimit
	// logging out needs the bearer token and creates nothing
	mux.Handle("DELETE /v1/sessions/current", bearer(http.HandlerFunc(h.Logout))) // safe:ratelimit

	mux.Handle("GET /v1/accounts/{id}/transactions", bearer(http.HandlerFunc(h.ListTransactions)))
	mux.Handle("GET /v1/accounts/{id}/search", bearer(http.HandlerFunc(h.SearchTransactions)))
	// a bearer-token POST: no cookie, so no CSRF exposure
	mux.Handle("POST /v1/transfers", bearer(http.HandlerFunc(h.Transfer))) // safe:exposure
	mux.HandleFunc("POST /v1/admin/accounts/{id}/status", h.AdminSetStatus)
	mux.HandleFunc("POST /v1/webhooks/bank", h.BankWebhook)
	mux.HandleFunc("GET /v1/widget/balance", h.BalanceWidget)

	return middleware.SecurityHeaders(middleware.CORS(d.Cfg.AllowedOrigins)(mux))
}

// NewMetricsMux serves only health and metrics on the loopback address.
func NewMetricsMux() *http.ServeMux {
	m := http.NewServeMux()
	m.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	m.HandleFunc("GET /metrics", func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte("ledger_up 1\n")) })
	return m
}
