// Package config holds the booking API's settings, read once from the
// environment at start-up, and the constants the other packages share.
package config

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

const (
	// AccessTokenTTL is how long a guest's bearer token lives.
	AccessTokenTTL = 15 * time.Minute
	// RefreshTokenTTL bounds how long a guest stays signed in on a device.
	RefreshTokenTTL = 14 * 24 * time.Hour
	// PartnerSessionTTL is the lifetime of the access tokens channel
	// partners get in exchange for their signed assertion.
	PartnerSessionTTL = 90 * 24 * time.Hour

	// the header partners send their key in: a header name, not a key
	HeaderAPIKey = "X-API-Key" // safe:secrets
	// a password policy knob, not a password
	PasswordMinLength = 10 // safe:secrets

	// MaxBodyBytes caps every request body on the public router.
	MaxBodyBytes = 1 << 20
)

// HTTP is the public listener.
type HTTP struct {
	Addr              string
	ReadHeaderTimeout time.Duration
	ShutdownGrace     time.Duration
}

// Admin is the back-office listener, reachable from the office VPN only.
type Admin struct {
	Addr     string
	Password string
}

// Auth configures the tokens the API issues.
type Auth struct {
	SigningSecret string
	Issuer        string
}

// CORS lists the origins of the guest web apps.
type CORS struct {
	Origins []string
}

// DB is the Postgres pool.
type DB struct {
	DSN      string
	MaxConns int32
}

// Config is the whole service configuration.
type Config struct {
	HTTP              HTTP
	Admin             Admin
	Auth              Auth
	CORS              CORS
	DB                DB
	ChannelManagerURL string
}

// FromEnv reads the configuration from ROOMBOOK_* variables.
func FromEnv() (Config, error) {
	var errs []error
	cfg := Config{
		HTTP: HTTP{
			Addr:              env("ROOMBOOK_ADDR", ":8080"),
			ReadHeaderTimeout: duration("ROOMBOOK_READ_HEADER_TIMEOUT", 5*time.Second, &errs),
			ShutdownGrace:     duration("ROOMBOOK_SHUTDOWN_GRACE", 20*time.Second, &errs),
		},
		Admin: Admin{
			Addr: env("ROOMBOOK_ADMIN_ADDR", "127.0.0.1:8081"),
			// read from the environment, not written here
			Password: os.Getenv("ROOMBOOK_ADMIN_PASSWORD"), // safe:secrets
		},
		Auth: Auth{
			// the signing secret comes from the deployment's secret store
			SigningSecret: os.Getenv("ROOMBOOK_JWT_SECRET"), // safe:secrets
			Issuer:        env("ROOMBOOK_ISSUER", "https://api.roombook.example"),
		},
		CORS: CORS{Origins: strings.Split(env("ROOMBOOK_CORS_ORIGINS", "https://app.roombook.example"), ",")},
		DB: DB{
			DSN:      os.Getenv("ROOMBOOK_DATABASE_URL"),
			MaxConns: int32(number("ROOMBOOK_DB_MAX_CONNS", 20, &errs)),
		},
		ChannelManagerURL: env("ROOMBOOK_CHANNEL_MANAGER_URL", "https://api.channelmgr.example/v2"),
	}
	if len(cfg.Auth.SigningSecret) < 32 {
		errs = append(errs, fmt.Errorf("ROOMBOOK_JWT_SECRET must be at least 32 bytes"))
	}
	if len(errs) > 0 {
		return Config{}, fmt.Errorf("config: %w", joinErrs(errs))
	}
	return cfg, nil
}

func env(key, def string) string {
	if v, ok := os.LookupEnv(key); ok && v != "" {
		return v
	}
	return def
}

func duration(key string, def time.Duration, errs *[]error) time.Duration {
	v := os.Getenv(key)
	if v == "" {
		return def
	}
	d, err := time.ParseDuration(v)
	if err != nil {
		*errs = append(*errs, fmt.Errorf("%s: %w", key, err))
		return def
	}
	return d
}

func number(key string, def int, errs *[]error) int {
	v := os.Getenv(key)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		*errs = append(*errs, fmt.Errorf("%s: %w", key, err))
		return def
	}
	return n
}
