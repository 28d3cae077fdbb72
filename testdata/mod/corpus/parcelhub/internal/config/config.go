// Package config loads parcelhub's settings.
package config

import (
	"fmt"
	"os"
	"strings"
	"time"
)

// Token lifetimes and limits.
const (
	ConsoleTokenTTL = 30 * time.Minute
	// DriverTokenTTL covers a whole week of shifts so drivers log in on Mondays only.
	DriverTokenTTL = 7 * 24 * time.Hour
	MaxUploadBytes = 8 << 20
	MaxJSONBytes   = 1 << 20
	// DefaultDSN is the local development database (no password).
	DefaultDSN = "postgres://parcelhub@localhost:5432/parcelhub?sslmode=disable" // safe:secrets
)

type Config struct {
	Server  ServerConfig
	Auth    AuthConfig
	Storage StorageConfig
	Carrier CarrierConfig
	Web     WebConfig
}

type ServerConfig struct {
	APIAddr    string
	DriverAddr string
	TrackAddr  string
}

type AuthConfig struct {
	ConsoleKey []byte
	DriverKey  []byte
	Issuer     string
}

type StorageConfig struct {
	DSN       string
	LabelDir  string
	PhotoDir  string
	PhotoKey  []byte
	ReplicaOn bool
}

type CarrierConfig struct {
	FastFreightURL string
	NordPostURL    string
	WebhookSecret  string
}

type WebConfig struct {
	ConsoleOrigins []string
}

// Load reads the environment.
func Load() (Config, error) {
	c := Config{
		Server: ServerConfig{
			APIAddr:    getenv("PARCELHUB_API_ADDR", ":8000"),
			DriverAddr: getenv("PARCELHUB_DRIVER_ADDR", ":8001"),
			TrackAddr:  getenv("PARCELHUB_TRACK_ADDR", ":8002"),
		},
		Auth: AuthConfig{
			ConsoleKey: []byte(os.Getenv("PARCELHUB_CONSOLE_KEY")),
			DriverKey:  []byte(os.Getenv("PARCELHUB_DRIVER_KEY")),
			Issuer:     "parcelhub",
		},
		Storage: StorageConfig{
			DSN:      getenv("PARCELHUB_DSN", DefaultDSN),
			LabelDir: getenv("PARCELHUB_LABEL_DIR", "/var/lib/parcelhub/labels"),
			PhotoDir: getenv("PARCELHUB_PHOTO_DIR", "/var/lib/parcelhub/pod"),
			PhotoKey: []byte(os.Getenv("PARCELHUB_PHOTO_KEY")),
		},
		Carrier: CarrierConfig{
			FastFreightURL: getenv("FASTFREIGHT_URL", "https://api.fastfreight.example"),
			NordPostURL:    getenv("NORDPOST_URL", "https://edi.nordpost.example"),
			// read from the environment
			WebhookSecret: os.Getenv("CARRIER_WEBHOOK_SECRET"), // safe:secrets
		},
		Web: WebConfig{ConsoleOrigins: strings.Split(getenv("PARCELHUB_CONSOLE_ORIGINS", "https://console.parcelhub.io"), ",")},
	}
	if len(c.Auth.ConsoleKey) == 0 || len(c.Auth.DriverKey) == 0 {
		return c, fmt.Errorf("config: PARCELHUB_CONSOLE_KEY and PARCELHUB_DRIVER_KEY are required")
	}
	return c, nil
}

func getenv(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}
