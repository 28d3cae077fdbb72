// Command edgeway is the API gateway.
package main

import (
	"encoding/json"
	"log/slog"
	"net/http"
	"os"

	"github.com/lestrrat-go/jwx/v2/jwk"

	"example.com/apivettest/corpus/edgeway/internal/admin"
	"example.com/apivettest/corpus/edgeway/internal/config"
	"example.com/apivettest/corpus/edgeway/internal/gateway"
	"example.com/apivettest/corpus/edgeway/internal/oauth"
	"example.com/apivettest/corpus/edgeway/internal/proxy"
)

func health() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusOK) })
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusOK) })
	return mux
}

func main() {
	log := slog.Default()
	cfg := config.Load()

	tokens := &oauth.Tokens{Issuer: cfg.Issuer, Keys: jwk.NewSet(), Partner: jwk.NewSet()}
	mainProxy, billing, mesh := proxy.New(cfg, log)
	public := gateway.New(cfg, &oauth.Handlers{Tokens: tokens, Log: log}, gateway.Backends{Main: mainProxy, Billing: billing, Mesh: mesh}, log)

	go func() {
		// the health listener has no timeouts
		srv := &http.Server{Addr: cfg.HealthAddr, Handler: health()} // vuln:transport
		log.Error("health", "err", srv.ListenAndServe())
	}()
	go func() {
		http.HandleFunc("/debug/config", func(w http.ResponseWriter, r *http.Request) {
			_ = json.NewEncoder(w).Encode(cfg.Upstream.URL)
		})
		// the default mux serves the debug pages: no security headers, and the package-level helper has no timeouts
		log.Error("debug", "err", http.ListenAndServe(cfg.DebugAddr, nil)) // vuln:headers,transport
	}()
	go func() {
		// the read-header timeout comes from the environment
		srv := &http.Server{Addr: cfg.Admin.Addr, Handler: admin.New(cfg.AdminToken).Handler(), ReadHeaderTimeout: cfg.Admin.ReadHeaderTimeout} // safe:transport
		log.Error("admin", "err", srv.ListenAndServeTLS("admin.crt", "admin.key"))
	}()
	// same for the public listener
	srv := &http.Server{Addr: cfg.Public.Addr, Handler: public, ReadHeaderTimeout: cfg.Public.ReadHeaderTimeout} // safe:transport
	if err := srv.ListenAndServeTLS("tls.crt", "tls.key"); err != nil {
		log.Error("public", "err", err)
		os.Exit(1)
	}
}
