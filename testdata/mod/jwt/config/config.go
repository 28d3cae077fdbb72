// Package config holds the auth service's token settings.
package config

import "time"

const (
	// AccessTokenTTL is how long an access token lives.
	AccessTokenTTL = 15 * time.Minute
	// RefreshTokenTTL is how long a refresh token lives.
	RefreshTokenTTL = 7 * 24 * time.Hour
	// LegacySessionTTL is what the old mobile app still gets.
	LegacySessionTTL = 30 * 24 * time.Hour
	// Days is a whole number of days, multiplied where it is used.
	Days = 14
)

// LongRefresh is the refresh lifetime of the "remember this device" flow.
var LongRefresh = 90 * 24 * time.Hour

// Config is read from the environment at startup.
type Config struct {
	JWTSecret  string        `env:"JWT_SECRET"`
	AccessTTL  time.Duration `env:"ACCESS_TTL"`
	RefreshTTL time.Duration `env:"REFRESH_TTL"`
	Leeway     time.Duration `env:"JWT_LEEWAY"`
}

// Env is loaded with caarlos0/env; its secret has a short default.
type Env struct {
	JWTSecret string `env:"JWT_SECRET" envDefault:"please-change-me"`
	Issuer    string `env:"JWT_ISSUER" envDefault:"auth"`
}
