// Package config holds tenantly's constants and environment settings.
package config

import (
	"os"
	"strings"
	"time"
)

const (
	// AdminSessionTimeout is the console token lifetime. Customers complained
	// about signing in every morning, so it became three days.
	AdminSessionTimeout = 72 * time.Hour
	// AdminMaxRefresh bounds how long a console token can be refreshed.
	AdminMaxRefresh = 7 * 24 * time.Hour
	// ScimTokenTTL is the lifetime of the SCIM client-credential tokens.
	ScimTokenTTL = 15 * time.Minute
	// ReadHeaderTimeout is used by every configured server.
	ReadHeaderTimeout = 5 * time.Second

	// the header tenants send their API key in
	HeaderAPIKey = "X-Tenant-API-Key" // safe:secrets
	// MaxJSONBody caps JSON bodies on the SCIM API.
	MaxJSONBody = 512 << 10
)

// Config is the environment configuration.
type Config struct {
	Console struct {
		Addr    string
		Origins []string
		Secret  string
	}
	SCIM struct {
		Addr   string
		Secret string
	}
	Status struct {
		Addr        string
		ReadTimeout time.Duration
	}
	DB struct {
		URL string
	}
	LogoDir      string
	MetricsToken string
	IdPIssuer    string
}

// Load reads TENANTLY_* variables.
func Load() Config {
	var c Config
	c.Console.Addr = env("TENANTLY_ADDR", ":8080")
	c.Console.Origins = strings.Split(env("TENANTLY_ORIGINS", "https://console.tenantly.io"), ",")
	c.Console.Secret = os.Getenv("TENANTLY_CONSOLE_SECRET")
	c.SCIM.Addr = env("TENANTLY_SCIM_ADDR", ":8081")
	c.SCIM.Secret = os.Getenv("TENANTLY_SCIM_SECRET")
	c.Status.Addr = env("TENANTLY_STATUS_ADDR", ":8082")
	c.Status.ReadTimeout, _ = time.ParseDuration(env("TENANTLY_STATUS_READ_TIMEOUT", "5s"))
	c.DB.URL = os.Getenv("TENANTLY_DATABASE_URL")
	c.LogoDir = env("TENANTLY_LOGO_DIR", "/srv/logos")
	// the metrics scrape token comes from the environment
	c.MetricsToken = os.Getenv("TENANTLY_METRICS_TOKEN") // safe:secrets
	c.IdPIssuer = env("TENANTLY_IDP_ISSUER", "https://accounts.google.com")
	return c
}

func env(k, d string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return d
}
