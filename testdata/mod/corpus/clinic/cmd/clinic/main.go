// Command clinic serves the clinician API and the laboratory endpoint.
package main

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/tls"
	"log"
	"net/http"
	"time"

	"example.com/apivettest/corpus/clinic/internal/config"
	"example.com/apivettest/corpus/clinic/internal/router"
	"example.com/apivettest/corpus/clinic/internal/store"
	"example.com/apivettest/corpus/clinic/internal/tokens"
)

func main() {
	cfg := config.Load()
	st, err := store.Connect(context.Background(), cfg.DatabaseURL)
	if err != nil {
		log.Fatal(err)
	}
	// 2048-bit RSA meets the minimum
	priv, err := rsa.GenerateKey(rand.Reader, 2048) // safe:crypto
	if err != nil {
		log.Fatal(err)
	}
	go func() {
		// ReadHeaderTimeout is set
		labs := &http.Server{Addr: cfg.LabAddr, Handler: router.Labs(st), ReadHeaderTimeout: 5 * time.Second} // safe:transport
		log.Print(labs.ListenAndServe())
	}()
	// neither ReadHeaderTimeout nor ReadTimeout
	srv := &http.Server{ // vuln:transport
		Addr:         cfg.Addr,
		Handler:      router.API(cfg, st, tokens.New(priv)),
		WriteTimeout: 30 * time.Second,
		IdleTimeout:  2 * time.Minute,
		// MinTLS is TLS 1.3, from the config package
		TLSConfig: &tls.Config{MinVersion: config.MinTLS}, // safe:transport
	}
	log.Fatal(srv.ListenAndServeTLS(cfg.TLSCert, cfg.TLSKey))
}
