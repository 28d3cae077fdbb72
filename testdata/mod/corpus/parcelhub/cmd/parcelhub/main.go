// Command parcelhub runs the logistics tracking API.
package main

import (
	"log"
	"log/slog"
	"net/http"
	"os"
	"time"

	"example.com/apivettest/corpus/parcelhub/internal/carrier"
	"example.com/apivettest/corpus/parcelhub/internal/config"
	"example.com/apivettest/corpus/parcelhub/internal/handler"
	"example.com/apivettest/corpus/parcelhub/internal/httpserver"
	"example.com/apivettest/corpus/parcelhub/internal/repository/postgres"
	"example.com/apivettest/corpus/parcelhub/internal/tokens"
	"example.com/apivettest/corpus/parcelhub/internal/usecase"
)

func main() {
	logger := slog.New(slog.NewTextHandler(os.Stderr, nil))
	cfg, err := config.Load()
	if err != nil {
		log.Fatal(err)
	}
	db, err := postgres.Open(cfg.Storage.DSN, cfg.Storage.ReplicaOn)
	if err != nil {
		log.Fatal(err)
	}
	tok := tokens.New(cfg.Auth)
	drivers := usecase.NewDrivers(postgres.Drivers{DB: db}, tok)
	shipments := postgres.Shipments{DB: db}
	_ = carrier.FastFreight(cfg.Carrier.FastFreightURL)
	_ = carrier.NordPost(cfg.Carrier.NordPostURL)

	h := httpserver.Handlers{
		Auth: &handler.ConsoleAuth{Tokens: tok, Log: logger, Check: func(email, password string) (string, string, bool) {
			return "", "", false
		}},
		Shipments: &handler.Shipments{Repo: shipments, Tokens: tok, LabelDir: cfg.Storage.LabelDir, Log: logger},
		Drivers:   &handler.Drivers{UC: drivers, PhotoDir: cfg.Storage.PhotoDir, PhotoKey: cfg.Storage.PhotoKey, Log: logger},
		Track:     handler.NewTrack(shipments, logger),
		Tokens:    tok,
		Origins:   cfg.Web.ConsoleOrigins,
		Log:       logger,
	}

	servers := []*http.Server{
		// header timeout set
		{Addr: cfg.Server.APIAddr, Handler: httpserver.API(h), ReadHeaderTimeout: 5 * time.Second}, // safe:transport
		// only a write timeout: the read side is unbounded
		{Addr: cfg.Server.DriverAddr, Handler: httpserver.Driver(h), WriteTimeout: 30 * time.Second}, // vuln:transport
		// ReadTimeout also bounds the header read
		{Addr: cfg.Server.TrackAddr, Handler: httpserver.Track(h), ReadTimeout: 10 * time.Second}, // safe:transport
	}
	errc := make(chan error, len(servers))
	for _, srv := range servers {
		go func() { errc <- srv.ListenAndServe() }()
	}
	log.Fatal(<-errc)
}
