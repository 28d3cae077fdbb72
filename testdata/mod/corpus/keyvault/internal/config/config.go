// Package config holds the key vault settings.
package config

import (
	"os"
	"strconv"
)

// Config is the runtime configuration.
type Config struct {
	Addr       string
	CertFile   string
	KeyFile    string
	HSMAddr    string
	KMIPAddr   string
	skipVerify string
}

// Load reads the environment.
func Load() Config {
	return Config{
		Addr:       ":8200",
		CertFile:   os.Getenv("KV_TLS_CERT"),
		KeyFile:    os.Getenv("KV_TLS_KEY"),
		HSMAddr:    os.Getenv("KV_HSM_ADDR"),
		KMIPAddr:   os.Getenv("KV_KMIP_ADDR"),
		skipVerify: os.Getenv("KV_KMIP_SKIP_VERIFY"),
	}
}

// SkipVerify reports whether the operator asked to skip KMIP certificate checks.
func (c Config) SkipVerify() bool {
	v, _ := strconv.ParseBool(c.skipVerify)
	return v
}
