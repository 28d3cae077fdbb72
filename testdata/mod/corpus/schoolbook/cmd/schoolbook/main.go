// Command schoolbook runs the school management API.
package main

import (
	"log"
	"log/slog"
	"net/http"
	"os"

	"example.com/apivettest/corpus/schoolbook/internal/config"
	"example.com/apivettest/corpus/schoolbook/internal/gradebook/pgstore"
	"example.com/apivettest/corpus/schoolbook/internal/identity"
	"example.com/apivettest/corpus/schoolbook/internal/kiosk"
	"example.com/apivettest/corpus/schoolbook/internal/parents"
	"example.com/apivettest/corpus/schoolbook/internal/secmw"
	"example.com/apivettest/corpus/schoolbook/internal/sis"
	"example.com/apivettest/corpus/schoolbook/internal/web"
)

func main() {
	logger := slog.New(slog.NewTextHandler(os.Stderr, nil))
	cfg := config.Load()
	store, err := pgstore.Open(cfg.DB.DSN)
	if err != nil {
		log.Fatal(err)
	}
	authority, err := identity.New()
	if err != nil {
		log.Fatal(err)
	}
	_ = sis.Client(cfg.SIS)

	portal := parents.New(store, logger)
	limit, err := secmw.ParentLogin()
	if err != nil {
		log.Fatal(err)
	}
	go func() {
		// the package-level ListenAndServe: no timeouts
		logger.Error("parents", "err", http.ListenAndServe(cfg.Parents.Addr, portal.Router(limit.Handle))) // vuln:transport
	}()

	kiosk.Register(authority, logger)
	go func() { logger.Error("kiosk", "err", kiosk.Serve(cfg.Kiosk.Addr)) }()

	srv := &web.Server{Store: store, Authority: authority, SIS: &sis.Webhook{APIKey: cfg.SIS.APIKey, Log: logger}, Cfg: cfg.Web, Log: logger}
	// the header timeout comes from the config loader
	httpSrv := &http.Server{Addr: cfg.Web.Addr, Handler: secmw.TeacherCORS(cfg.Web.TeacherOrigins)(srv.Router()), ReadHeaderTimeout: cfg.Web.ReadHeaderTimeout} // safe:transport
	log.Fatal(httpSrv.ListenAndServe())
}
