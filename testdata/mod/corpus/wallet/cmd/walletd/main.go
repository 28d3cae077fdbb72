// Command walletd runs the wallet API.
package main

import (
	"context"
	"errors"
	"log"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"example.com/apivettest/corpus/wallet/internal/auth"
	"example.com/apivettest/corpus/wallet/internal/clients/corebank"
	"example.com/apivettest/corpus/wallet/internal/config"
	"example.com/apivettest/corpus/wallet/internal/handler"
	"example.com/apivettest/corpus/wallet/internal/middleware"
	"example.com/apivettest/corpus/wallet/internal/repository/pg"
	"example.com/apivettest/corpus/wallet/internal/routes"
	"example.com/apivettest/corpus/wallet/internal/service"
)

type smsLog struct{ log *slog.Logger }

func (s smsLog) SendSMS(_ context.Context, userID, _ string) error {
	s.log.Info("sms sent", "user", userID)
	return nil
}

type noStatements struct{}

func (noStatements) Render(string, string) ([]byte, error) { return nil, errors.New("not implemented") }

func main() {
	logger := slog.New(slog.NewJSONHandler(os.Stdout, nil))
	cfg, err := config.Load()
	if err != nil {
		log.Fatal(err)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	store, err := pg.Open(ctx, cfg.DB.URL, cfg.DB.MaxConns)
	if err != nil {
		log.Fatal(err)
	}
	defer store.Close()
	bank, err := corebank.New(cfg.Bank)
	if err != nil {
		log.Fatal(err)
	}
	tokens := auth.NewIssuer(cfg.Auth)
	users := service.NewUsers(store)
	transfers := service.NewTransfers(store, bank)
	otp := service.NewOTP(smsLog{logger})

	deps := routes.Deps{
		Auth:       handler.NewAuth(users, otp, tokens, logger),
		Accounts:   handler.NewAccounts(store, transfers, noStatements{}, tokens, cfg.Auth.PINKey, logger),
		Webhooks:   handler.NewWebhooks(cfg.Bank, logger),
		Admin:      handler.NewAdmin(store, cfg.HTTP.AdminUser, cfg.HTTP.AdminPassword, logger),
		Bearer:     middleware.Bearer(tokens),
		AppOrigins: cfg.CORS.AppOrigins,
	}

	// ReadHeaderTimeout comes from the config loader
	srv := &http.Server{ // safe:transport
		Addr:              cfg.HTTP.Addr,
		Handler:           routes.Public(deps),
		ReadHeaderTimeout: cfg.HTTP.ReadHeaderTimeout,
		IdleTimeout:       2 * time.Minute,
	}
	// ReadTimeout also bounds the header read
	widget := &http.Server{ // safe:transport
		Addr:        ":8081",
		Handler:     routes.Widget(deps),
		ReadTimeout: 10 * time.Second,
	}
	go func() {
		// the ops console uses the package-level helper: no timeouts at all
		if err := http.ListenAndServe(cfg.HTTP.AdminAddr, routes.Admin(deps)); err != nil { // vuln:transport
			logger.Error("admin listener", "err", err)
		}
	}()
	go func() { _ = widget.ListenAndServe() }()
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdown)
		_ = widget.Shutdown(shutdown)
	}()
	if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Fatal(err)
	}
}
