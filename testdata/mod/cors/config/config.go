// Package config holds the service's settings.
package config

import "os"

// Origins the web app is served from.
const (
	WebOrigin   = "https://app.example.com"
	AdminOrigin = "https://admin.example.com"
	AnyOrigin   = "*"
)

// AllowCredentials is on: the web app sends the session cookie.
const AllowCredentials = true

// CORS is the part of the configuration file about CORS.
type CORS struct {
	Origins          []string `yaml:"origins"`
	AllowCredentials bool     `yaml:"allow_credentials"`
}

// Config is the service configuration.
type Config struct {
	Env  string `yaml:"env"`
	CORS CORS   `yaml:"cors"`
}

// Load reads the configuration.
func Load() *Config {
	return &Config{Env: os.Getenv("APP_ENV")}
}
