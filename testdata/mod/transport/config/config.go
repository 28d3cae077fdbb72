// Package config holds settings shared by the service's clients.
package config

import "crypto/tls"

// LegacyMinVersion is what the old payment gateway speaks.
const LegacyMinVersion = tls.VersionTLS10

// SkipVerify is the hard-coded switch someone left on.
const SkipVerify = true

// ModernMinVersion is the floor for everything else.
const ModernMinVersion = tls.VersionTLS12

// Upstream is read from the YAML configuration file.
type Upstream struct {
	URL                string `yaml:"url"`
	CAFile             string `yaml:"ca_file"`
	InsecureSkipVerify bool   `yaml:"insecure_skip_verify"`
	Debug              bool   `yaml:"debug"`
}

// Env is read from the environment by an env-tag loader.
type Env struct {
	SkipTLSVerify bool   `env:"SKIP_TLS_VERIFY"`
	AppEnv        string `env:"APP_ENV"`
}
