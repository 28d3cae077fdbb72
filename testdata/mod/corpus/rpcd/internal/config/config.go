// Package config holds rpcd's constants and settings.
package config

import (
	"os"
	"time"
)

const (
	// AccessTTL is the access token lifetime.
	AccessTTL = time.Hour
	// RefreshTTL is how long the mobile refresh tokens last.
	RefreshTTL = 60 * 24 * time.Hour
	// WebRefreshTTL is how long a browser stays signed in.
	WebRefreshTTL = 30 * 24 * time.Hour
	// ClockSkew is tolerated on the batch workers' tokens.
	ClockSkew = 15 * time.Minute

	// the name of the environment variable, not its value
	JWTSecretEnv = "RPCD_JWT_SECRET" // safe:secrets
	// a header name
	APITokenHeader = "X-Api-Token" // safe:secrets

	// MaxRPCBody caps a single call.
	MaxRPCBody = 256 << 10
)

// Settings are the environment settings.
type Settings struct {
	Addr           string
	PlaygroundAddr string
	DatabaseURL    string
	JWTSecret      string
	ExportPassword string
	Origins        []string
}

// Load reads the settings.
func Load() Settings {
	return Settings{
		Addr:           get("RPCD_ADDR", ":8080"),
		PlaygroundAddr: get("RPCD_PLAYGROUND_ADDR", ":8088"),
		DatabaseURL:    os.Getenv("RPCD_DATABASE_URL"),
		JWTSecret:      os.Getenv(JWTSecretEnv),
		ExportPassword: os.Getenv("RPCD_EXPORT_PASSWORD"),
		Origins:        []string{get("RPCD_ORIGIN", "https://app.rpcd.io")},
	}
}

func get(k, d string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return d
}
