// Command rpcd serves the RPC API and the query playground.
package main

import (
	"context"
	"log/slog"
	"net/http"
	"os"
	"time"

	"example.com/apivettest/corpus/rpcd/internal/authsvc"
	"example.com/apivettest/corpus/rpcd/internal/config"
	"example.com/apivettest/corpus/rpcd/internal/keyring"
	"example.com/apivettest/corpus/rpcd/internal/playground"
	"example.com/apivettest/corpus/rpcd/internal/releases"
	"example.com/apivettest/corpus/rpcd/internal/rpc"
	"example.com/apivettest/corpus/rpcd/internal/store"
)

func main() {
	log := slog.Default()
	cfg := config.Load()
	ctx := context.Background()
	st, err := store.Connect(ctx, cfg.DatabaseURL)
	if err != nil {
		log.Error("db", "err", err)
		os.Exit(1)
	}
	auth := authsvc.New(&keyring.Ring{Secret: []byte(cfg.JWTSecret)})
	api := rpc.NewRouter(cfg.Origins, rpc.NewServer(auth, st, log), &rpc.AuthHandlers{Tokens: auth}, rpc.NewLimiter(2, 5), log)

	go func() {
		if tag, err := releases.Latest(ctx); err == nil {
			log.Info("desktop release", "tag", tag)
		}
	}()
	go func() {
		// http.ListenAndServe: no server timeouts for the playground
		log.Error("playground", "err", http.ListenAndServe(cfg.PlaygroundAddr, playground.New())) // vuln:transport
	}()
	// read and write timeouts set
	srv := &http.Server{Addr: cfg.Addr, Handler: api, ReadTimeout: 15 * time.Second, WriteTimeout: 30 * time.Second} // safe:transport
	if err := srv.ListenAndServe(); err != nil {
		log.Error("api", "err", err)
		os.Exit(1)
	}
}
