// Package config holds the shopfront settings.
package config

import (
	"os"
	"strconv"
	"strings"
	"time"
)

const (
	// RememberMeWindow is how long a "remember me" login can be refreshed.
	RememberMeWindow = 90 * 24 * time.Hour
	// PasswordCost is the bcrypt work factor used at sign-up.
	PasswordCost = 8
	// PasswordFormField is the name of the form field, not a password.
	PasswordFormField = "password" // safe:secrets
	// UploadDir is where product images land.
	UploadDir = "/var/lib/shopfront/uploads"
)

// StripePublishableKey is meant to be embedded in the browser checkout.
const StripePublishableKey = "pk_live_51HqLyjWDarjtT1zdp7dcXqzK9rBwNcE2hQ" // safe:secrets

// Config is the runtime configuration.
type Config struct {
	Addr           string
	AdminAddr      string
	DatabaseURL    string
	JWTKey         []byte
	SessionMinutes int
	AllowedOrigins []string
	AuthPerMinute  uint
	Dev            bool
}

// FromEnv reads the configuration from the environment.
func FromEnv() Config {
	mins, _ := strconv.Atoi(os.Getenv("SHOP_SESSION_MINUTES"))
	if mins == 0 {
		mins = 60
	}
	return Config{
		Addr:           ":8080",
		AdminAddr:      "127.0.0.1:8081",
		DatabaseURL:    os.Getenv("SHOP_DATABASE_URL"),
		JWTKey:         []byte(os.Getenv("SHOP_JWT_KEY")),
		SessionMinutes: mins,
		AllowedOrigins: strings.Split(os.Getenv("SHOP_ALLOWED_ORIGINS"), ","),
		AuthPerMinute:  10,
		Dev:            os.Getenv("SHOP_ENV") == "dev",
	}
}
