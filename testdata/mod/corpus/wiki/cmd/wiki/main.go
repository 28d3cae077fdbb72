// Command wiki serves the company wiki.
package main

import (
	"log"
	"net/http"
	"os"

	"github.com/gorilla/handlers"

	"example.com/apivettest/corpus/wiki/internal/config"
	"example.com/apivettest/corpus/wiki/internal/pages"
	"example.com/apivettest/corpus/wiki/internal/web"
)

func main() {
	cfg := config.Load()
	st, err := pages.Open(cfg.DSN)
	if err != nil {
		log.Fatal(err)
	}
	// http.ListenAndServe has no timeouts at all
	log.Fatal(http.ListenAndServe(cfg.Addr, handlers.CombinedLoggingHandler(os.Stdout, web.New(cfg, st)))) // vuln:transport
}
