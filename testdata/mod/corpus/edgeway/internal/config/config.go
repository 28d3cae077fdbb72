// Package config reads the gateway's settings from the environment.
package config

import (
	"os"
	"strconv"
	"strings"
	"time"
)

// Server is a listener.
type Server struct {
	Addr              string
	ReadHeaderTimeout time.Duration
}

// Upstream is the backend the gateway proxies to.
type Upstream struct {
	URL      string
	User     string
	Password string
	Insecure bool
	CAFile   string
}

// Config is the gateway configuration.
type Config struct {
	Public     Server
	Admin      Server
	HealthAddr string
	DebugAddr  string
	Upstream   Upstream
	Legacy     Upstream
	Origins    []string
	AdminToken string
	Issuer     string
}

// Load reads EDGEWAY_* variables.
func Load() Config {
	insecure, _ := strconv.ParseBool(os.Getenv("EDGEWAY_UPSTREAM_INSECURE"))
	rht, err := time.ParseDuration(os.Getenv("EDGEWAY_READ_HEADER_TIMEOUT"))
	if err != nil {
		rht = 5 * time.Second
	}
	return Config{
		Public:     Server{Addr: env("EDGEWAY_ADDR", ":8443"), ReadHeaderTimeout: rht},
		Admin:      Server{Addr: env("EDGEWAY_ADMIN_ADDR", "127.0.0.1:9443"), ReadHeaderTimeout: rht},
		HealthAddr: env("EDGEWAY_HEALTH_ADDR", ":8086"),
		DebugAddr:  env("EDGEWAY_DEBUG_ADDR", "127.0.0.1:6060"),
		Upstream: Upstream{
			URL:  env("EDGEWAY_UPSTREAM", "https://api.internal:8443"),
			User: os.Getenv("EDGEWAY_UPSTREAM_USER"),
			// the upstream password comes from the environment
			Password: os.Getenv("EDGEWAY_UPSTREAM_PASSWORD"), // safe:secrets
			Insecure: insecure,
			CAFile:   os.Getenv("EDGEWAY_UPSTREAM_CA"),
		},
		Legacy:     Upstream{URL: env("EDGEWAY_LEGACY_UPSTREAM", "https://legacy.internal:443")},
		Origins:    strings.Split(env("EDGEWAY_ORIGINS", "https://app.edgeway.dev"), ","),
		AdminToken: os.Getenv("EDGEWAY_ADMIN_TOKEN"),
		Issuer:     env("EDGEWAY_ISSUER", "https://auth.edgeway.dev"),
	}
}

func env(k, d string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return d
}
