// Command keyvaultd runs the key vault on the default mux.
package main

import (
	"log"
	"net/http"
	"os"

	"example.com/apivettest/corpus/keyvault/internal/config"
	"example.com/apivettest/corpus/keyvault/internal/httpd"
)

func main() {
	cfg := config.Load()
	if err := httpd.Register([]byte(os.Getenv("KV_MASTER_KEY"))); err != nil {
		log.Fatal(err)
	}
	// the default mux gets no security headers, and ListenAndServeTLS sets no timeouts
	log.Fatal(http.ListenAndServeTLS(cfg.Addr, cfg.CertFile, cfg.KeyFile, nil)) // vuln:headers,transport
}
