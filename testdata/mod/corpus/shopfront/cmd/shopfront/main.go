// Command shopfront runs the storefront API and its admin UI.
package main

import (
	"log"

	"example.com/apivettest/corpus/shopfront/internal/authn"
	"example.com/apivettest/corpus/shopfront/internal/catalog"
	"example.com/apivettest/corpus/shopfront/internal/config"
	"example.com/apivettest/corpus/shopfront/internal/handlers"
	"example.com/apivettest/corpus/shopfront/internal/server"
)

func main() {
	cfg := config.FromEnv()
	repo, err := catalog.Open(cfg.DatabaseURL)
	if err != nil {
		log.Fatal(err)
	}
	auth, err := authn.New(cfg, repo)
	if err != nil {
		log.Fatal(err)
	}
	go func() {
		log.Print(server.AdminServer(cfg, server.Admin(cfg)).ListenAndServe())
	}()
	r := server.Public(cfg, &handlers.H{Repo: repo}, auth)
	// gin's Run starts an http.Server without any timeout
	log.Fatal(r.Run(cfg.Addr)) // vuln:transport
}
