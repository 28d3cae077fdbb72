// Command hireloop runs the recruiting ATS.
package main

import (
	"log"
	"log/slog"
	"net/http"
	"os"
	"time"

	"github.com/labstack/echo/v4"

	"example.com/apivettest/corpus/hireloop/internal/auth"
	"example.com/apivettest/corpus/hireloop/internal/config"
	"example.com/apivettest/corpus/hireloop/internal/handler"
	"example.com/apivettest/corpus/hireloop/internal/mailer"
	"example.com/apivettest/corpus/hireloop/internal/offers"
	"example.com/apivettest/corpus/hireloop/internal/partners"
	"example.com/apivettest/corpus/hireloop/internal/repository/mysql"
	"example.com/apivettest/corpus/hireloop/internal/router"
)

func main() {
	logger := slog.New(slog.NewTextHandler(os.Stderr, nil))
	cfg := config.Load()
	repo, err := mysql.Open(cfg.DSN)
	if err != nil {
		log.Fatal(err)
	}
	tokens := auth.NewTokens(cfg)
	verifier, err := partners.NewVerifier(cfg.PartnerPEM)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := offers.NewSigner(); err != nil {
		log.Fatal(err)
	}
	_ = mailer.New(cfg.SMTP)

	deps := router.Deps{
		Cfg:       cfg,
		Recruiter: &handler.Recruiter{Repo: repo, Log: logger},
		Careers:   handler.NewCareers(repo, tokens, logger),
		Partners:  verifier,
		Login:     func(c echo.Context) error { return c.NoContent(http.StatusNotImplemented) },
		Token:     func(c echo.Context) error { return c.NoContent(http.StatusNotImplemented) },
	}

	careers := router.Careers(deps)
	go func() {
		// a configured server with a header timeout
		err := careers.StartServer(&http.Server{Addr: cfg.CareersAddr, ReadHeaderTimeout: 5 * time.Second}) // safe:transport
		logger.Error("careers", "err", err)
	}()

	widget := router.Widget(deps)
	widget.Server.ReadHeaderTimeout = 5 * time.Second
	go func() {
		// Start uses widget.Server, whose ReadHeaderTimeout is set above
		logger.Error("widget", "err", widget.Start(cfg.WidgetAddr)) // safe:transport
	}()

	embed := router.Embed(deps)
	go func() {
		// a read timeout is set
		srv := &http.Server{Addr: ":7003", Handler: embed, ReadTimeout: 10 * time.Second} // safe:transport
		logger.Error("embed", "err", srv.ListenAndServe())
	}()

	api := router.API(deps)
	// echo's Start with the default server: no timeouts
	log.Fatal(api.Start(cfg.APIAddr)) // vuln:transport
}
