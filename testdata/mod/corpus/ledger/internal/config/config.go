// Package config loads the ledger service settings from the environment.
package config

import (
	"errors"
	"os"
	"strings"
	"time"
)

const (
	// AccessTokenTTL is how long an access token is accepted.
	AccessTokenTTL = 15 * time.Minute
	// RefreshTokenTTL is how long a rotated refresh token lives.
	RefreshTokenTTL = 14 * 24 * time.Hour

	// PasswordMinLength is a policy value, not a credential.
	PasswordMinLength = 8 // safe:secrets
	// APIKeyHeader is the name of the header admin tools send.
	APIKeyHeader = "X-API-Key" // safe:secrets
	// RefreshCookieName is a cookie name, the token itself is random.
	RefreshCookieName = "ledger_refresh_token" // safe:secrets

	// BcryptCost is the work factor for stored password hashes.
	BcryptCost = 12

	maxBodyBytes = 1 << 20
)

// MaxBodyBytes is the largest JSON body the API accepts.
const MaxBodyBytes = maxBodyBytes

// Config holds everything main needs to wire the service.
type Config struct {
	Addr           string
	MetricsAddr    string
	DatabaseURL    string
	JWTSecret      []byte
	AdminAPIKey    string
	WebhookSecret  string
	AllowedOrigins []string
	TLSCertFile    string
	TLSKeyFile     string
}

// Load reads the configuration; secrets only ever come from the environment.
func Load() (*Config, error) {
	c := &Config{
		Addr:        getenv("LEDGER_ADDR", ":8443"),
		MetricsAddr: getenv("LEDGER_METRICS_ADDR", "127.0.0.1:9102"),
		DatabaseURL: os.Getenv("LEDGER_DATABASE_URL"),
		// from the environment
		JWTSecret:      []byte(os.Getenv("LEDGER_JWT_SECRET")), // safe:secrets
		AdminAPIKey:    os.Getenv("LEDGER_ADMIN_API_KEY"),
		WebhookSecret:  os.Getenv("LEDGER_WEBHOOK_SECRET"),
		AllowedOrigins: strings.Split(getenv("LEDGER_ALLOWED_ORIGINS", "https://app.ledger.example"), ","),
		TLSCertFile:    os.Getenv("LEDGER_TLS_CERT"),
		TLSKeyFile:     os.Getenv("LEDGER_TLS_KEY"),
	}
	if len(c.JWTSecret) < 32 {
		return nil, errors.New("LEDGER_JWT_SECRET must hold at least 32 bytes")
	}
	return c, nil
}

func getenv(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}
