// Command tickets runs the support-ticket API and its status page.
package main

import (
	"log"
	"net/http"
	"time"

	"example.com/apivettest/corpus/tickets/internal/config"
	"example.com/apivettest/corpus/tickets/internal/repo"
	"example.com/apivettest/corpus/tickets/internal/web"
)

func main() {
	cfg := config.Load()
	r, err := repo.Connect(cfg.DSN)
	if err != nil {
		log.Fatal(err)
	}
	go func() {
		// echo's Start uses a bare http.Server with no timeouts
		log.Print(web.NewStatus().Start(cfg.StatusAddr)) // vuln:transport
	}()
	e := web.NewAPI(cfg, r)
	// ReadHeaderTimeout and ReadTimeout are set
	srv := &http.Server{Addr: cfg.APIAddr, ReadHeaderTimeout: 3 * time.Second, ReadTimeout: 30 * time.Second} // safe:transport
	// a configured server is passed in
	log.Fatal(e.StartServer(srv)) // safe:transport
}
