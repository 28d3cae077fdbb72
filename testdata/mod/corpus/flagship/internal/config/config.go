// Package config holds flagship's settings and shared constants.
package config

import (
	"os"
	"strings"
	"time"
)

const (
	// SessionTimeout is the dashboard token lifetime.
	SessionTimeout = time.Hour
	// RefreshWindow is how long a dashboard token can be refreshed.
	RefreshWindow = 45 * 24 * time.Hour
	// ClientTokenTTL is the lifetime of browser SDK tokens.
	ClientTokenTTL = 24 * time.Hour
	MaxBodyBytes   = 512 << 10
	UploadDir      = "/var/lib/flagship/imports"
	// a header name, not a key
	ServerKeyHdr = "X-Flagship-Server-Key" // safe:secrets
)

type Config struct {
	HTTP      HTTP
	Auth      Auth
	DB        DB
	Dashboard Dashboard
}

type HTTP struct {
	DashboardAddr string
	EdgeAddr      string
	MetricsAddr   string
}

type Auth struct {
	JWTSecret string
	SDKSecret string
}

type DB struct {
	DSN string
}

type Dashboard struct {
	Origins []string
}

// FromEnv loads the configuration.
func FromEnv() Config {
	return Config{
		HTTP: HTTP{
			DashboardAddr: or(os.Getenv("FLAGSHIP_DASHBOARD_ADDR"), ":8080"),
			EdgeAddr:      or(os.Getenv("FLAGSHIP_EDGE_ADDR"), ":8090"),
			MetricsAddr:   or(os.Getenv("FLAGSHIP_METRICS_ADDR"), ":9100"),
		},
		Auth: Auth{
			// read from the environment
			JWTSecret: os.Getenv("FLAGSHIP_JWT_SECRET"), // safe:secrets
			SDKSecret: os.Getenv("FLAGSHIP_SDK_SECRET"),
		},
		DB:        DB{DSN: os.Getenv("FLAGSHIP_DSN")},
		Dashboard: Dashboard{Origins: strings.Split(or(os.Getenv("FLAGSHIP_ORIGINS"), "https://app.flagship.dev"), ",")},
	}
}

func or(v, def string) string {
	if v == "" {
		return def
	}
	return v
}
