// Package routes assembles the wallet's routers from route tables.
package routes

import (
	"net/http"

	"example.com/apivettest/corpus/wallet/internal/handler"
	mw "example.com/apivettest/corpus/wallet/internal/middleware"
)

// Deps is everything the routers need, wired in main.
type Deps struct {
	Auth       *handler.Auth
	Accounts   *handler.Accounts
	Webhooks   *handler.Webhooks
	Admin      *handler.Admin
	Bearer     mw.Middleware
	AppOrigins []string
}

type route struct {
	pattern string
	handler http.Handler
	chain   []mw.Middleware
}

func register(mux *http.ServeMux, table []route, outer ...mw.Middleware) {
	for _, rt := range table {
		chain := append(append([]mw.Middleware{}, outer...), rt.chain...)
		mux.Handle(rt.pattern, mw.Chain(rt.handler, chain...))
	}
}

func publicRoutes(d Deps) []route {
	login := mw.NewIPLimiter(10, 5).Middleware
	pin := mw.NewIPLimiter(3, 3).Middleware
	authed := d.Bearer
	return []route{
		// limited per IP by the middleware in the route's chain
		{"POST /v1/auth/login", d.Auth.Login(), []mw.Middleware{login}}, // safe:ratelimit
		// same limiter on refresh
		{"POST /v1/auth/refresh", d.Auth.Refresh(), []mw.Middleware{login}}, // safe:ratelimit
		// a sign-up (handler Register) with only the bearer-free chain: no limiter
		{"POST /v1/users", d.Auth.Register(), nil}, // vuln:ratelimit
		// sending a code is limited per IP
		{"POST /v1/auth/otp", d.Auth.SendOTP(), []mw.Middleware{authed, login}}, // safe:ratelimit
		// six-digit codes can be guessed: no limiter in this chain
		{"POST /v1/auth/otp/verify", d.Auth.VerifyOTP(), []mw.Middleware{authed}}, // vuln:ratelimit
		// PIN change limited to three a minute
		{"PUT /v1/cards/{id}/pin", d.Accounts.ChangePIN(), []mw.Middleware{authed, pin}}, // safe:ratelimit
		// public list of supported stablecoins, not a credential endpoint
		{"GET /v1/tokens/supported", handler.SupportedTokens(), nil}, // safe:ratelimit
		// a document download; "token" is only the name of a path segment
		{"GET /v1/statements/{token}", d.Accounts.Statement(), nil}, // safe:ratelimit
		{"GET /v1/accounts", d.Accounts.List(), []mw.Middleware{authed}},
		{"GET /v1/accounts/{id}/transactions", d.Accounts.Transactions(), []mw.Middleware{authed}},
		{"POST /v1/accounts/{id}/statements/{month}", d.Accounts.StatementLink(), []mw.Middleware{authed}},
		// authenticated by the bearer token, not by a cookie
		{"POST /v1/transfers", d.Accounts.Transfer(), []mw.Middleware{authed}}, // safe:exposure
		{"POST /v1/webhooks/corebank", d.Webhooks.CoreBank(), nil},
	}
}

// Public builds the internet-facing handler.
func Public(d Deps) http.Handler {
	// every response goes through SecurityHeaders below
	mux := http.NewServeMux() // safe:headers
	register(mux, publicRoutes(d))
	return mw.Chain(mux, mw.SecurityHeaders, mw.AppCORS(d.AppOrigins))
}

// Widget builds the handler the pay widget calls from merchant pages.
func Widget(d Deps) http.Handler {
	// also wrapped in SecurityHeaders
	mux := http.NewServeMux() // safe:headers
	// public data under a "tokens" path
	mux.Handle("GET /widget/v1/tokens/supported", handler.SupportedTokens()) // safe:ratelimit
	mux.Handle("GET /widget/v1/accounts", mw.Chain(d.Accounts.List(), mw.MerchantCORS(), d.Bearer))
	return mw.Chain(mux, mw.SecurityHeaders, mw.WidgetCORS())
}

// Admin builds the ops console served on the internal address.
func Admin(d Deps) http.Handler {
	// no header middleware on the ops console
	mux := http.NewServeMux() // vuln:headers
	mux.Handle("POST /admin/archive", d.Admin.Archive())
	mux.Handle("POST /admin/fees", d.Admin.PostFees())
	return d.Admin.BasicAuth(mux)
}
