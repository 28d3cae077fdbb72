// Command pressroom runs the delivery API, the comment widget and the
// editor.
package main

import (
	"log/slog"
	"net/http"
	"os"
	"time"

	"gorm.io/driver/postgres"
	"gorm.io/gorm"

	"example.com/apivettest/corpus/pressroom/internal/config"
	"example.com/apivettest/corpus/pressroom/internal/content"
	"example.com/apivettest/corpus/pressroom/internal/editor"
	"example.com/apivettest/corpus/pressroom/internal/mail"
	"example.com/apivettest/corpus/pressroom/internal/media"
	"example.com/apivettest/corpus/pressroom/internal/preview"
	"example.com/apivettest/corpus/pressroom/internal/site"
	"example.com/apivettest/corpus/pressroom/internal/users"
)

func main() {
	log := slog.Default()
	cfg := config.Load()
	db, err := gorm.Open(postgres.Open(cfg.DSN), &gorm.Config{})
	if err != nil {
		log.Error("db", "err", err)
		os.Exit(1)
	}
	repo := content.NewRepo(db)
	lib := &media.Library{Dir: cfg.Media.Dir, BaseURL: cfg.Media.BaseURL, SigningKey: []byte(cfg.Media.SigningKey)}

	delivery := site.NewDelivery(&site.Delivery{Repo: repo, Preview: preview.NewSigner([]byte(cfg.PreviewKey)), Mail: mail.New(cfg.SMTP.Host, cfg.SMTP.User), Log: log})
	ed := editor.New(&editor.App{Cfg: cfg, Repo: repo, Users: users.NewService(db, cfg.JWT.Secret), Media: lib, Log: log})
	embed := site.NewEmbed(site.Comments{})

	go func() {
		// a configured server with a read-header timeout
		srv := &http.Server{Addr: cfg.Editor.Addr, ReadHeaderTimeout: 5 * time.Second} // safe:transport
		if err := ed.StartServer(srv); err != nil {
			log.Error("editor", "err", err)
		}
	}()
	go func() {
		// the widget's server has a read timeout
		srv := &http.Server{Addr: cfg.Embed.Addr, Handler: embed, ReadTimeout: 10 * time.Second, WriteTimeout: 10 * time.Second} // safe:transport
		if err := srv.ListenAndServe(); err != nil {
			log.Error("embed", "err", err)
		}
	}()
	// echo's Start builds its own http.Server without timeouts
	if err := delivery.Start(cfg.Delivery.Addr); err != nil { // vuln:transport
		log.Error("delivery", "err", err)
		os.Exit(1)
	}
}
