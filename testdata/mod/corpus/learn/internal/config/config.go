// Package config holds the e-learning platform settings.
package config

import "os"

// Config is the runtime configuration.
type Config struct {
	Addr       string
	AdminAddr  string
	CDNAddr    string
	DSN        string
	AssetKey   []byte
	UploadDir  string
	SigningKey []byte
}

// Load reads the environment.
func Load() Config {
	return Config{
		Addr:       ":8300",
		AdminAddr:  "127.0.0.1:8301",
		CDNAddr:    ":8302",
		DSN:        os.Getenv("LEARN_DSN"),
		AssetKey:   []byte(os.Getenv("LEARN_ASSET_KEY")),
		UploadDir:  "/srv/learn/submissions",
		SigningKey: []byte(os.Getenv("LEARN_CERT_SEED")),
	}
}
