// Command reelhouse runs the streaming API.
package main

import (
	"context"
	"log"
	"log/slog"
	"os"

	"github.com/jackc/pgx/v5/pgxpool"

	"example.com/apivettest/corpus/reelhouse/internal/auth"
	"example.com/apivettest/corpus/reelhouse/internal/catalog"
	"example.com/apivettest/corpus/reelhouse/internal/config"
	"example.com/apivettest/corpus/reelhouse/internal/handlers"
	"example.com/apivettest/corpus/reelhouse/internal/origin"
	"example.com/apivettest/corpus/reelhouse/internal/server"
	"example.com/apivettest/corpus/reelhouse/internal/studio"
)

func main() {
	logger := slog.New(slog.NewJSONHandler(os.Stdout, nil))
	cfg := config.Load()
	pool, err := pgxpool.New(context.Background(), cfg.DBURL)
	if err != nil {
		log.Fatal(err)
	}
	_ = origin.StorageClient()
	viewer := handlers.NewViewer(catalog.New(pool), auth.NewTokens(cfg), []byte(os.Getenv("REELHOUSE_URL_KEY")), logger)

	cdn := server.CDN(viewer)
	go func() {
		// fiber.New without ReadTimeout: fasthttp waits forever for headers
		logger.Error("cdn", "err", cdn.Listen(cfg.CDNAddr)) // vuln:transport
	}()
	st := server.Studio(cfg, studio.New(logger))
	go func() {
		// the read timeout comes from the environment
		logger.Error("studio", "err", st.Listen(cfg.StudioAddr)) // safe:transport
	}()
	app := server.Viewer(cfg, viewer)
	// ReadTimeout of 10s is set on this app
	log.Fatal(app.Listen(cfg.Addr)) // safe:transport
}
