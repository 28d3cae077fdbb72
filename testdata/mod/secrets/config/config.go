// Package config holds the service's settings: names, defaults and the
// loader. Another package reads its constants.
package config

import (
	"os"
	"strconv"
	"time"
)

// Names of headers, fields, parameters and environment variables: about
// secrets, holding none.
const (
	APIKeyHeader      = "X-API-Key"
	AuthHeader        = "Authorization"
	PasswordField     = "password"
	TokenQueryParam   = "access_token"
	JWTSecretEnv      = "JWT_SECRET"
	DBPasswordEnvVar  = "DB_PASSWORD"
	TokenURL          = "https://auth.acme.io/oauth/token"
	BearerPrefix      = "Bearer "
	TokenType         = "Bearer"
	RefreshTokenType  = "refresh"
	PasswordPattern   = `^[A-Za-z0-9!@#$%^&*]{8,64}$`
	PasswordMinLength = 8
	TokenTTL          = 15 * time.Minute
	RefreshTokenTTL   = "720h"
	SecretName        = "prod/orders/db-password"
	APIKey            = "X-API-Key"
)

// Error messages mention credentials.
const (
	ErrInvalidPassword = "invalid username or password"
	ErrTokenExpired    = "token_expired"
	MsgBadToken        = "the token is malformed"
)

// JWTSigningSecret is the shared HMAC secret; the app package signs with it.
const JWTSigningSecret = "Zq8!vR2#kLm9@pW4xT" // want `AV501 high: hardcoded credential "JWTSigningSecret" = "Zq8!…4xT" \(18 chars\); load it from the environment or a secret manager`

// TokenSeed is not named like a credential; only its use as a key shows
// what it is.
const TokenSeed = "c0ffee-b4be-d00d-7e57ab1e"

// SigningKey returns the key material the app signs tokens with.
func SigningKey() []byte { return []byte("cfg-helper-K3y!") }

// Config is loaded from the environment.
type Config struct {
	DBPassword string `env:"DB_PASSWORD"`
	JWTSecret  string `env:"JWT_SECRET"`
	APIKey     string `env:"API_KEY"`
	AdminToken string `env:"ADMIN_TOKEN"`
	Port       int    `env:"PORT"`
}

// Load reads the configuration from the environment.
func Load() Config {
	port, _ := strconv.Atoi(os.Getenv("PORT"))
	return Config{
		DBPassword: os.Getenv(DBPasswordEnvVar),
		JWTSecret:  os.Getenv(JWTSecretEnv),
		APIKey:     os.Getenv("API_KEY"),
		AdminToken: os.Getenv("ADMIN_TOKEN"),
		Port:       port,
	}
}

// Dev is the configuration for a laptop.
var Dev = Config{
	DBPassword: "devpass-9f2kQ", // want `AV501 high: hardcoded credential field Config.DBPassword = "…" \(13 chars\); load it from the environment or a secret manager`
	JWTSecret:  "",
	APIKey:     "${API_KEY}",
	Port:       8080,
}

// JWTSecret returns the signing secret, with a fallback for development.
func JWTSecret() string {
	secret := os.Getenv(JWTSecretEnv)
	if secret == "" {
		secret = "dev-only-jwt-s3cret" // want `AV501 high: hardcoded credential "secret" = "dev-…ret" \(19 chars\)`
	}
	return secret
}
