// Command flagship runs the feature-flag service.
package main

import (
	"log"
	"log/slog"
	"net/http"
	"os"
	"time"

	"example.com/apivettest/corpus/flagship/internal/authn"
	"example.com/apivettest/corpus/flagship/internal/config"
	"example.com/apivettest/corpus/flagship/internal/handlers"
	"example.com/apivettest/corpus/flagship/internal/sdk"
	"example.com/apivettest/corpus/flagship/internal/server"
	"example.com/apivettest/corpus/flagship/internal/store"
)

func main() {
	logger := slog.New(slog.NewJSONHandler(os.Stdout, nil))
	cfg := config.FromEnv()
	repo, err := store.Open(cfg.DB.DSN)
	if err != nil {
		log.Fatal(err)
	}
	auth, err := authn.Dashboard(cfg.Auth.JWTSecret, repo)
	if err != nil {
		log.Fatal(err)
	}
	dash := server.Dashboard(cfg, auth, &handlers.Dashboard{Repo: repo, Audit: repo, Log: logger})
	edge := server.Edge(&handlers.Edge{Repo: repo, Tokens: sdk.NewTokens(cfg.Auth.SDKSecret), Log: logger})
	docs := server.Docs(cfg)

	go func() {
		// gin's Run: a bare http.Server without timeouts
		if err := edge.Run(cfg.HTTP.EdgeAddr); err != nil { // vuln:transport
			logger.Error("edge", "err", err)
		}
	}()
	go func() {
		// the metrics engine is started the same way
		_ = server.Metrics().Run(cfg.HTTP.MetricsAddr) // vuln:transport
	}()
	if addr := os.Getenv("FLAGSHIP_PREVIEW_ADDR"); addr != "" {
		// a read timeout bounds the header read too
		preview := &http.Server{Addr: addr, Handler: server.Preview(), ReadTimeout: 15 * time.Second} // safe:transport
		go func() { _ = preview.ListenAndServe() }()
	}
	go func() {
		// header timeout set for the docs server
		docsSrv := &http.Server{Addr: ":8070", Handler: docs, ReadHeaderTimeout: 3 * time.Second} // safe:transport
		_ = docsSrv.ListenAndServe()
	}()
	// header timeout set for the dashboard
	srv := &http.Server{ // safe:transport
		Addr:              cfg.HTTP.DashboardAddr,
		Handler:           dash,
		ReadHeaderTimeout: 5 * time.Second,
		WriteTimeout:      30 * time.Second,
	}
	log.Fatal(srv.ListenAndServe())
}
