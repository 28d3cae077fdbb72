// Command tenantly runs the admin console, the SCIM API and the status page.
package main

import (
	"errors"
	"log/slog"
	"net/http"
	"os"

	"example.com/apivettest/corpus/tenantly/internal/apikeys"
	"example.com/apivettest/corpus/tenantly/internal/billing"
	"example.com/apivettest/corpus/tenantly/internal/config"
	"example.com/apivettest/corpus/tenantly/internal/impersonate"
	"example.com/apivettest/corpus/tenantly/internal/tenants"
	"example.com/apivettest/corpus/tenantly/internal/web"
)

type localAdmins struct{}

func (localAdmins) Check(email, password string) (string, error) {
	if _, err := apikeys.Hash(password); err != nil {
		return "", err
	}
	return "", errors.New("unknown admin")
}

type scimClients struct{}

func (scimClients) Verify(id, secret string) (string, error) {
	return "", errors.New("unknown client")
}

func main() {
	log := slog.Default()
	cfg := config.Load()
	repo, err := tenants.Open(cfg.DB.URL)
	if err != nil {
		log.Error("db", "err", err)
		os.Exit(1)
	}
	h := &web.Handlers{Cfg: cfg, Repo: repo, Billing: billing.New(), Support: impersonate.Issuer{Key: []byte(cfg.Console.Secret)}, Log: log}
	_ = web.NewHookClient()

	console, err := web.Console(h, localAdmins{})
	if err != nil {
		log.Error("console", "err", err)
		os.Exit(1)
	}
	scim, err := web.SCIM(h, scimClients{})
	if err != nil {
		log.Error("scim", "err", err)
		os.Exit(1)
	}
	go func() {
		// a configured server; the timeout is a constant of the config package
		srv := &http.Server{Addr: cfg.SCIM.Addr, Handler: scim, ReadHeaderTimeout: config.ReadHeaderTimeout} // safe:transport
		log.Error("scim", "err", srv.ListenAndServe())
	}()
	go func() {
		// ReadTimeout from the environment
		srv := &http.Server{Addr: cfg.Status.Addr, Handler: web.Status(), ReadTimeout: cfg.Status.ReadTimeout} // safe:transport
		log.Error("status", "err", srv.ListenAndServe())
	}()
	// gin's Run starts an http.Server with no timeouts
	if err := console.Run(cfg.Console.Addr); err != nil { // vuln:transport
		log.Error("console", "err", err)
		os.Exit(1)
	}
}
