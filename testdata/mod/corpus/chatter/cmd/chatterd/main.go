// Command chatterd runs the chat API and the web client.
package main

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"os"

	"example.com/apivettest/corpus/chatter/internal/api"
	"example.com/apivettest/corpus/chatter/internal/config"
	"example.com/apivettest/corpus/chatter/internal/push"
	"example.com/apivettest/corpus/chatter/internal/store"
	"example.com/apivettest/corpus/chatter/internal/tokens"
	"example.com/apivettest/corpus/chatter/internal/web"
)

type servers []*http.Server

func (s servers) run(log *slog.Logger) error {
	errc := make(chan error, len(s))
	for _, srv := range s {
		go func() { errc <- srv.ListenAndServe() }()
	}
	err := <-errc
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}

func main() {
	log := slog.Default()
	cfg, err := config.Load()
	if err != nil {
		log.Error("config", "err", err)
		os.Exit(2)
	}
	st, err := store.Open(context.Background(), cfg.DB)
	if err != nil {
		log.Error("store", "err", err)
		os.Exit(1)
	}
	tok := tokens.New(cfg.Auth.Secret)
	_ = push.New(cfg.Push.SlackURL)

	all := servers{
		// read and write timeouts are set for the API listener
		&http.Server{Addr: cfg.API.Addr, Handler: api.New(cfg, st, tok, log).Router(), ReadTimeout: cfg.API.ReadTimeout, WriteTimeout: cfg.API.WriteTimeout}, // safe:transport
		// the web client's listener has no timeout of any kind
		&http.Server{Addr: cfg.Web.Addr, Handler: web.New(cfg, st, log).Router()}, // vuln:transport
	}
	if err := all.run(log); err != nil {
		log.Error("serve", "err", err)
		os.Exit(1)
	}
}
