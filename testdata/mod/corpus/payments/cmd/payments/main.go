// Command payments runs the payment API and the merchant dashboard.
package main

import (
	"context"
	"log"
	"net/http"

	"example.com/apivettest/corpus/payments/internal/config"
	"example.com/apivettest/corpus/payments/internal/httpserver"
	"example.com/apivettest/corpus/payments/internal/ledgerdb"
	"example.com/apivettest/corpus/payments/internal/merchant"
)

func main() {
	cfg := config.Load()
	// an emptiness check, not a secret comparison
	if cfg.ProcessorKey == "" { // safe:secrets
		log.Fatal("PAY_PROCESSOR_KEY is not set")
	}
	db, err := ledgerdb.Connect(context.Background(), cfg.DatabaseURL)
	if err != nil {
		log.Fatal(err)
	}
	go func() {
		// gin's RunTLS: a bare http.Server
		log.Print(merchant.Engine(cfg, db).RunTLS(cfg.DashboardAddr, "dash.crt", "dash.key")) // vuln:transport
	}()
	// ReadHeaderTimeout is set, from the environment
	srv := &http.Server{Addr: cfg.Addr, Handler: httpserver.New(cfg, db), ReadHeaderTimeout: cfg.ReadHeaderTimeout} // safe:transport
	log.Fatal(srv.ListenAndServe())
}
