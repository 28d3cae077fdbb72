// Command bazaar runs the marketplace API and the seller portal.
package main

import (
	"log/slog"
	"net/http"
	"os"
	"time"

	"example.com/apivettest/corpus/bazaar/internal/catalog"
	"example.com/apivettest/corpus/bazaar/internal/config"
	"example.com/apivettest/corpus/bazaar/internal/httpapi"
	"example.com/apivettest/corpus/bazaar/internal/keys"
	"example.com/apivettest/corpus/bazaar/internal/limits"
	"example.com/apivettest/corpus/bazaar/internal/orders"
	"example.com/apivettest/corpus/bazaar/internal/payouts"
	"example.com/apivettest/corpus/bazaar/internal/portal"
	"example.com/apivettest/corpus/bazaar/internal/sellertoken"
)

func must[T any](v T, err error) T {
	if err != nil {
		slog.Error("startup", "err", err)
		os.Exit(1)
	}
	return v
}

func main() {
	log := slog.Default()
	s := config.FromEnv()
	cat := must(catalog.Open(s.DSN))
	lim := must(limits.New())
	tokens := must(sellertoken.New(must(keys.SellerSigningKey())))
	_ = payouts.New(s)

	api := httpapi.New(httpapi.Deps{
		Settings: s,
		Limits:   lim,
		Orders:   &orders.Service{Catalog: cat, Tokens: tokens, PhotoDir: s.PhotoDir, ImportDir: s.ImportDir, Log: log},
		Catalog:  cat,
		Tokens:   tokens,
		Payouts:  payouts.NewVerifier(s.WebhookKey),
		Log:      log,
	})
	p := &portal.Portal{Catalog: cat, Limits: lim, Log: log}

	// write and idle timeouts only: nothing bounds how long headers may take
	portalSrv := &http.Server{Addr: s.PortalAddr, Handler: p.Handler(), WriteTimeout: 30 * time.Second, IdleTimeout: 2 * time.Minute} // vuln:transport
	go func() { log.Error("portal", "err", portalSrv.ListenAndServe()) }()

	// ten seconds for the request headers
	apiSrv := &http.Server{Addr: s.APIAddr, Handler: api, ReadHeaderTimeout: 10 * time.Second} // safe:transport
	log.Error("api", "err", apiSrv.ListenAndServe())
}
