// Package config loads the wallet service configuration from the environment
// into nested structs, and holds the constants other packages share.
package config

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

// Lifetimes, sizes and header names shared across packages.
const (
	AccessTokenTTL  = 15 * time.Minute
	RefreshTokenTTL = 14 * 24 * time.Hour
	MaxJSONBody     = 1 << 20
	BcryptCost      = 12
	// a header name, not a key
	APIKeyHeader = "X-API-Key" // safe:secrets
	// a header name, not a token
	WebhookTokenHdr  = "X-CoreBank-Token" // safe:secrets
	WebhookSigHeader = "X-CoreBank-Signature"
	// PasswordMinLength is checked at sign-up.
	PasswordMinLength = 10 // safe:secrets
)

// Config is the whole service configuration.
type Config struct {
	HTTP HTTPConfig
	DB   DBConfig
	Auth AuthConfig
	Bank BankConfig
	CORS CORSConfig
}

type HTTPConfig struct {
	Addr              string
	AdminAddr         string
	ReadHeaderTimeout time.Duration
	AdminUser         string
	AdminPassword     string
}

type DBConfig struct {
	URL      string
	MaxConns int32
}

type AuthConfig struct {
	Issuer     string
	SigningKey []byte
	PINKey     []byte
}

type BankConfig struct {
	BaseURL      string
	APIKey       string
	WebhookToken string
	WebhookKey   []byte
	CAFile       string
	SkipVerify   bool
	ZoneKey      []byte
}

type CORSConfig struct {
	AppOrigins []string
}

// Load reads the configuration from the environment.
func Load() (*Config, error) {
	cfg := &Config{
		HTTP: HTTPConfig{
			Addr:              env("WALLET_ADDR", ":8080"),
			AdminAddr:         env("WALLET_ADMIN_ADDR", "127.0.0.1:9090"),
			ReadHeaderTimeout: durationEnv("WALLET_READ_HEADER_TIMEOUT", 5*time.Second),
			AdminUser:         env("WALLET_ADMIN_USER", "ops"),
			// read from the environment
			AdminPassword: os.Getenv("WALLET_ADMIN_PASSWORD"), // safe:secrets
		},
		DB: DBConfig{URL: os.Getenv("WALLET_DATABASE_URL"), MaxConns: 20},
		Auth: AuthConfig{
			Issuer: "wallet-api",
			// read from the environment
			SigningKey: []byte(os.Getenv("WALLET_JWT_SIGNING_KEY")), // safe:secrets
			PINKey:     []byte(os.Getenv("WALLET_PIN_KEY")),
		},
		Bank: BankConfig{
			BaseURL: env("COREBANK_URL", "https://api.corebank.example/v2"),
			// a live partner key baked in as the fallback value
			APIKey:       env("COREBANK_API_KEY", "cbk_live_9fQ2xL7mT4vR8nZ1wK6pY3sD0aH5jU2e"), // vuln:secrets
			WebhookToken: os.Getenv("COREBANK_WEBHOOK_TOKEN"),
			WebhookKey:   []byte(os.Getenv("COREBANK_WEBHOOK_KEY")),
			CAFile:       os.Getenv("COREBANK_CA_FILE"),
			SkipVerify:   boolEnv("COREBANK_INSECURE"),
			ZoneKey:      []byte(os.Getenv("COREBANK_ZONE_KEY")),
		},
		CORS: CORSConfig{AppOrigins: listEnv("WALLET_APP_ORIGINS", "https://app.wallet.example")},
	}
	var errs []error
	if cfg.DB.URL == "" {
		errs = append(errs, errors.New("WALLET_DATABASE_URL is required"))
	}
	if len(cfg.Auth.SigningKey) < 32 {
		errs = append(errs, fmt.Errorf("WALLET_JWT_SIGNING_KEY must be at least 32 bytes, got %d", len(cfg.Auth.SigningKey)))
	}
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	return cfg, nil
}

func env(key, def string) string {
	if v, ok := os.LookupEnv(key); ok && v != "" {
		return v
	}
	return def
}

func boolEnv(key string) bool {
	b, _ := strconv.ParseBool(os.Getenv(key))
	return b
}

func durationEnv(key string, def time.Duration) time.Duration {
	if d, err := time.ParseDuration(os.Getenv(key)); err == nil {
		return d
	}
	return def
}

func listEnv(key, def string) []string {
	var out []string
	for _, s := range strings.Split(env(key, def), ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}
