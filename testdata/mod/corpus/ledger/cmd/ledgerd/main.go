// Command ledgerd serves the ledger API.
package main

import (
	"crypto/tls"
	"log"
	"net/http"
	"time"

	"example.com/apivettest/corpus/ledger/internal/auth"
	"example.com/apivettest/corpus/ledger/internal/config"
	"example.com/apivettest/corpus/ledger/internal/httpapi"
	"example.com/apivettest/corpus/ledger/internal/store"
)

func main() {
	cfg, err := config.Load()
	if err != nil {
		log.Fatal(err)
	}
	st, err := store.Open(cfg.DatabaseURL)
	if err != nil {
		log.Fatal(err)
	}
	api := httpapi.NewRouter(httpapi.Deps{Cfg: cfg, Store: st, Issuer: auth.NewIssuer(cfg.JWTSecret)})

	go func() {
		// ReadHeaderTimeout is set
		metrics := &http.Server{Addr: cfg.MetricsAddr, Handler: httpapi.NewMetricsMux(), ReadHeaderTimeout: 2 * time.Second} // safe:transport
		log.Print(metrics.ListenAndServe())
	}()

	// ReadHeaderTimeout is set below
	srv := &http.Server{ // safe:transport
		Addr:              cfg.Addr,
		Handler:           api,
		ReadHeaderTimeout: 5 * time.Second,
		WriteTimeout:      30 * time.Second,
		TLSConfig: &tls.Config{
			// TLS 1.2 floor
			MinVersion: tls.VersionTLS12, // safe:transport
			// only AEAD suites with forward secrecy
			CipherSuites: []uint16{tls.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, tls.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, tls.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256}, // safe:transport
		},
	}
	log.Fatal(srv.ListenAndServeTLS(cfg.TLSCertFile, cfg.TLSKeyFile))
}
