// Command sensorhubd runs the console and ingest apps.
package main

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"errors"
	"log/slog"
	"os"

	"example.com/apivettest/corpus/sensorhub/internal/auth"
	"example.com/apivettest/corpus/sensorhub/internal/cloud"
	"example.com/apivettest/corpus/sensorhub/internal/config"
	"example.com/apivettest/corpus/sensorhub/internal/console"
	"example.com/apivettest/corpus/sensorhub/internal/ingest"
	"example.com/apivettest/corpus/sensorhub/internal/mqtt"
	"example.com/apivettest/corpus/sensorhub/internal/server"
	"example.com/apivettest/corpus/sensorhub/internal/tsdb"
)

type noOperators struct{}

func (noOperators) PasswordHash(context.Context, string) ([]byte, string, error) {
	return nil, "", errors.New("no operators configured")
}

func (noOperators) APIKeyOwner(context.Context, string) (string, error) {
	return "", errors.New("no api keys configured")
}

func main() {
	log := slog.Default()
	cfg := config.FromEnv()
	ctx := context.Background()
	db, err := tsdb.Open(ctx, cfg.DB.URL)
	if err != nil {
		log.Error("db", "err", err)
		os.Exit(1)
	}
	devKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		log.Error("key", "err", err)
		os.Exit(1)
	}
	go func() {
		conn, err := mqtt.Dial(cfg.MQTT.Broker, mqtt.BrokerTLS(cfg, nil))
		if err != nil {
			log.Error("mqtt", "err", err)
			return
		}
		defer conn.Close()
		_ = cloud.New("sensorhub-archive").Put(ctx, "readings/latest.parquet", nil)
	}()
	keys := auth.Keys{DeviceKey: devKey, ConsoleSecret: []byte(cfg.Keys.ConsoleSecret)}

	consoleApp := server.Console(cfg, &console.Handlers{Ops: noOperators{}, Devices: db, Keys: keys, FirmwareDir: cfg.Ingest.FirmwareDir, ExportDir: cfg.Ingest.ExportDir, Log: log})
	ingestApp := server.Ingest(&ingest.Handlers{Store: db, Keys: keys, SampleRate: cfg.Keys.SampleRate, Log: log})

	go func() {
		// the ingest app was built without a ReadTimeout: fasthttp waits forever on slow clients
		if err := ingestApp.Listen(cfg.Ingest.Addr); err != nil { // vuln:transport
			log.Error("ingest", "err", err)
		}
	}()
	// the console app has a ReadTimeout from config
	if err := consoleApp.Listen(cfg.Console.Addr); err != nil { // safe:transport
		log.Error("console", "err", err)
		os.Exit(1)
	}
}
