// Command notify runs the notification service.
package main

import (
	"log"
	"net/http"
	"time"

	"example.com/apivettest/corpus/notify/internal/api"
	"example.com/apivettest/corpus/notify/internal/config"
	"example.com/apivettest/corpus/notify/internal/tokens"
)

func main() {
	cfg := config.Load()
	ts, err := tokens.New(cfg.TokenKey)
	if err != nil {
		log.Fatal(err)
	}
	h, err := api.Router(cfg, ts)
	if err != nil {
		log.Fatal(err)
	}
	// ReadHeaderTimeout is assigned on the next line, before the server starts
	srv := &http.Server{Addr: cfg.Addr, Handler: h} // safe:transport
	srv.ReadHeaderTimeout = 5 * time.Second
	log.Fatal(srv.ListenAndServe())
}
