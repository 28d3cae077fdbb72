// Command roombookd serves the hotel booking API.
package main

import (
	"context"
	"crypto/rsa"
	"errors"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"

	"github.com/jackc/pgx/v5/pgxpool"

	"example.com/apivettest/corpus/roombook/internal/accounts"
	"example.com/apivettest/corpus/roombook/internal/admin"
	"example.com/apivettest/corpus/roombook/internal/authn"
	"example.com/apivettest/corpus/roombook/internal/clients"
	"example.com/apivettest/corpus/roombook/internal/config"
	"example.com/apivettest/corpus/roombook/internal/httpx"
	"example.com/apivettest/corpus/roombook/internal/repo"
	"example.com/apivettest/corpus/roombook/internal/reservations"
)

type partnerKeys map[string]*rsa.PublicKey

func (p partnerKeys) PublicKey(kid string) (*rsa.PublicKey, error) {
	k, ok := p[kid]
	if !ok {
		return nil, errors.New("unknown partner key")
	}
	return k, nil
}

type rateSink struct{ cm *clients.ChannelManager }

func (s rateSink) ImportRates(rows [][]string) error {
	if len(rows) == 0 {
		return errors.New("empty rate sheet")
	}
	return nil
}

func main() {
	log := slog.New(slog.NewJSONHandler(os.Stdout, nil))
	cfg, err := config.FromEnv()
	if err != nil {
		log.Error("config", "err", err)
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	poolCfg, err := pgxpool.ParseConfig(cfg.DB.DSN)
	if err != nil {
		log.Error("database url", "err", err)
		os.Exit(2)
	}
	poolCfg.MaxConns = cfg.DB.MaxConns
	pool, err := pgxpool.NewWithConfig(ctx, poolCfg)
	if err != nil {
		log.Error("database", "err", err)
		os.Exit(1)
	}
	defer pool.Close()

	store := repo.New(pool)
	issuer := authn.NewIssuer(cfg.Auth)
	deps := httpx.Deps{
		Cfg:      cfg,
		Issuer:   issuer,
		Partners: authn.PartnerVerifier{Dir: partnerKeys{}, Issuer: issuer},
		Bookings: reservations.NewHandlers(store, log),
		Accounts: accounts.New(store, issuer, log),
	}
	office := admin.New(cfg.Admin.Password, rateSink{cm: clients.NewChannelManager(cfg.ChannelManagerURL)}, log)

	go func() {
		// the back-office listener uses the package-level helper: no timeouts at all
		if err := http.ListenAndServe(cfg.Admin.Addr, office.Router()); err != nil { // vuln:transport
			log.Error("admin listener", "err", err)
		}
	}()

	// the read-header timeout comes from the environment (5s by default)
	srv := &http.Server{ // safe:transport
		Addr:              cfg.HTTP.Addr,
		Handler:           httpx.NewRouter(deps),
		ReadHeaderTimeout: cfg.HTTP.ReadHeaderTimeout,
	}
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), cfg.HTTP.ShutdownGrace)
		defer cancel()
		_ = srv.Shutdown(shutdown)
	}()
	// the configured server above carries the timeout
	if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) { // safe:transport
		log.Error("listener", "err", err)
		os.Exit(1)
	}
}
