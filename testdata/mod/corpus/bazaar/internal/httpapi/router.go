// Package httpapi assembles the marketplace's JSON API on a Go 1.22
// ServeMux, with rs/cors policies and alice chains.
package httpapi

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"strings"

	"github.com/justinas/alice"
	"github.com/rs/cors"

	"example.com/apivettest/corpus/bazaar/internal/catalog"
	"example.com/apivettest/corpus/bazaar/internal/config"
	"example.com/apivettest/corpus/bazaar/internal/limits"
	"example.com/apivettest/corpus/bazaar/internal/orders"
	"example.com/apivettest/corpus/bazaar/internal/payouts"
	"example.com/apivettest/corpus/bazaar/internal/secheaders"
	"example.com/apivettest/corpus/bazaar/internal/sellertoken"
)

// Deps are the API's dependencies.
type Deps struct {
	Settings config.Settings
	Limits   *limits.Set
	Auth     Auth
	Orders   *orders.Service
	Catalog  *catalog.Catalog
	Tokens   *sellertoken.Service
	Payouts  payouts.Verifier
	Log      *slog.Logger
}

type sellerKey struct{}

func limitBody(n int64) alice.Constructor {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			r.Body = http.MaxBytesReader(w, r.Body, n)
			next.ServeHTTP(w, r)
		})
	}
}

func (d Deps) requireBearer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok {
			http.Error(w, "bearer token required", http.StatusUnauthorized)
			return
		}
		seller, err := d.Tokens.VerifySeller(raw)
		if err != nil {
			http.Error(w, "invalid token", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), sellerKey{}, seller)))
	})
}

func buyerCORS(origins []string) *cors.Cors {
	allowed := make(map[string]bool, len(origins))
	for _, o := range origins {
		allowed[strings.TrimSpace(o)] = true
	}
	// the origin is looked up in the configured set
	return cors.New(cors.Options{ // safe:cors
		AllowOriginFunc:  func(origin string) bool { return allowed[origin] },
		AllowedMethods:   []string{http.MethodGet, http.MethodPost},
		AllowedHeaders:   []string{"Authorization", "Content-Type"},
		AllowCredentials: true,
	})
}

// New builds the API handler.
func New(d Deps) http.Handler {
	// the whole mux is wrapped in secheaders.API: HSTS, nosniff, CSP frame-ancestors
	mux := http.NewServeMux() // safe:headers
	buyer := buyerCORS(d.Settings.BuyerOrigins)

	// sethvargo/go-limiter wraps the handler
	mux.Handle("POST /v1/login", buyer.Handler(d.Limits.Login.Handle(http.HandlerFunc(d.Auth.Login)))) // safe:ratelimit
	signup := alice.New(buyer.Handler, d.Limits.Signup)
	// the alice chain holds ulule's stdlib middleware
	mux.Handle("POST /v1/signup", signup.ThenFunc(d.Auth.Signup)) // safe:ratelimit
	// reset codes can be tried without any limit
	mux.Handle("POST /v1/password/reset", buyer.Handler(http.HandlerFunc(d.Auth.ResetPassword))) // vuln:ratelimit
	// session creation for the mobile app, with nothing limiting it
	mux.HandleFunc("POST /v1/sessions", d.Auth.CreateSession) // vuln:ratelimit
	// public data under auth words, read with GET
	mux.HandleFunc("GET /v1/auth/methods", d.Auth.Methods) // safe:ratelimit
	// the gift-token price list
	mux.HandleFunc("GET /v1/tokens/prices", d.Auth.GiftTokenPrices) // safe:ratelimit

	authed := alice.New(buyer.Handler, d.requireBearer)
	// bearer-token authenticated, no cookie
	mux.Handle("POST /v1/orders", authed.Append(limitBody(config.MaxOrderBody)).ThenFunc(d.Orders.Create)) // safe:exposure
	mux.Handle("POST /v1/products/{id}/reviews", authed.ThenFunc(d.Orders.Review))
	mux.Handle("POST /v1/sellers/{seller}/prices", authed.ThenFunc(d.Orders.ImportPrices))
	mux.Handle("POST /v1/sellers/{seller}/photos", authed.ThenFunc(d.Orders.UploadPhoto))
	mux.Handle("POST /v1/sellers/{seller}/feed", authed.ThenFunc(d.Orders.UploadFeed))
	mux.HandleFunc("GET /v1/receipts/{token}", d.receipt)

	// the public catalog: any origin, no credentials
	public := cors.AllowAll() // safe:cors
	mux.Handle("GET /catalog/products", public.Handler(http.HandlerFunc(d.listProducts)))
	mux.Handle("GET /catalog/search", public.Handler(http.HandlerFunc(d.search)))

	// partner storefronts embed the cart; every requesting origin is accepted, with cookies
	embed := cors.New(cors.Options{ // vuln:cors
		AllowOriginRequestFunc: func(r *http.Request, origin string) bool { return true },
		AllowCredentials:       true,
	})
	mux.Handle("GET /embed/cart", embed.Handler(http.HandlerFunc(d.cart)))

	// the v0 API kept its original policy: "*" with credentials
	legacy := cors.New(cors.Options{AllowedOrigins: []string{"*"}, AllowCredentials: true}) // vuln:cors
	mux.Handle("GET /legacy/v0/orders", legacy.Handler(authed.ThenFunc(d.receipt)))

	mux.HandleFunc("POST /hooks/payouts", d.payoutHook)
	return secheaders.API.Wrap(mux)
}

func (d Deps) receipt(w http.ResponseWriter, r *http.Request) {
	order, err := d.Tokens.VerifyReceipt(r.PathValue("token"))
	if err != nil {
		http.Error(w, "invalid receipt link", http.StatusUnauthorized)
		return
	}
	_, _ = io.WriteString(w, order)
}

func (d Deps) listProducts(w http.ResponseWriter, r *http.Request) {
	rows, err := d.Catalog.List(r.Context(), r.URL.Query().Get("category"), r.URL.Query().Get("sort"))
	if err != nil {
		d.Log.Error("list", "err", err)
		http.Error(w, "catalog unavailable", http.StatusServiceUnavailable)
		return
	}
	writeRows(w, rows)
}

func (d Deps) search(w http.ResponseWriter, r *http.Request) {
	rows, err := d.Catalog.Search(r.Context(), r.URL.Query().Get("q"))
	if err != nil {
		d.Log.Error("search", "err", err)
		http.Error(w, "search unavailable", http.StatusServiceUnavailable)
		return
	}
	writeRows(w, rows)
}

func (d Deps) cart(w http.ResponseWriter, r *http.Request) {
	if _, err := r.Cookie("cart_id"); err != nil {
		// a cart identifier, not a session or auth token
		http.SetCookie(w, &http.Cookie{Name: "cart_id", Value: orders.EmailVerificationToken()[:12], Path: "/"}) // safe:headers
	}
	w.WriteHeader(http.StatusNoContent)
}

func (d Deps) payoutHook(w http.ResponseWriter, r *http.Request) {
	// 256 KiB cap
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 256<<10)) // safe:transport
	if err != nil {
		http.Error(w, "payload too large", http.StatusRequestEntityTooLarge)
		return
	}
	if !d.Payouts.Valid(body, r.Header.Get("X-Payout-Signature")) && !d.Payouts.ValidLegacy(body, r.Header.Get("X-Payout-Signature-V1")) {
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	ev, err := sellertoken.ReadPayoutEvent(r.Header.Get("X-Payout-Token"))
	if err != nil {
		http.Error(w, "bad token", http.StatusBadRequest)
		return
	}
	d.Log.Info("payout", "id", ev.PayoutID, "status", ev.Status)
	w.WriteHeader(http.StatusNoContent)
}
