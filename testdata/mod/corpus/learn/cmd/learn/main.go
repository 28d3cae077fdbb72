// Command learn runs the e-learning platform.
package main

import (
	"log"
	"net/http"
	"time"

	"example.com/apivettest/corpus/learn/internal/cdn"
	"example.com/apivettest/corpus/learn/internal/config"
	"example.com/apivettest/corpus/learn/internal/courses"
	"example.com/apivettest/corpus/learn/internal/web"
)

func main() {
	cfg := config.Load()
	repo, err := courses.Open(cfg.DSN)
	if err != nil {
		log.Fatal(err)
	}
	go func() {
		// ReadTimeout bounds the header read
		cdnSrv := &http.Server{Addr: cfg.CDNAddr, Handler: cdn.Handler(), ReadTimeout: 15 * time.Second} // safe:transport
		log.Print(cdnSrv.ListenAndServe())
	}()
	go func() {
		// the admin console's echo server has no timeouts
		log.Print(web.Admin(repo).Start(cfg.AdminAddr)) // vuln:transport
	}()
	// web.Learner set e.Server.ReadHeaderTimeout before this Start
	log.Fatal(web.Learner(cfg, repo).Start(cfg.Addr)) // safe:transport
}
