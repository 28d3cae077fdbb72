// Package config holds the clinic service settings.
package config

import (
	"crypto/tls"
	"os"
	"time"
)

// TLS floors.
const (
	// MinTLS is the floor for patient-facing traffic.
	MinTLS = tls.VersionTLS13
	// LabMinTLS is what the oldest laboratory gateways still speak.
	LabMinTLS = tls.VersionTLS11
)

// Limits of the auth endpoints.
const (
	LoginAttempts = 5
	LoginWindow   = time.Minute
	// AccessTTL is the lifetime of a clinician token.
	AccessTTL = 10 * time.Minute
)

// Config is the runtime configuration.
type Config struct {
	Addr        string
	LabAddr     string
	DatabaseURL string
	Origins     map[string]bool
	LabBaseURL  string
	RecordKey   []byte
	TLSCert     string
	TLSKey      string
}

// Load reads the environment.
func Load() Config {
	return Config{
		Addr:        ":8443",
		LabAddr:     ":9443",
		DatabaseURL: os.Getenv("CLINIC_DATABASE_URL"),
		Origins:     map[string]bool{"https://portal.clinic.example": true, "https://staff.clinic.example": true},
		LabBaseURL:  os.Getenv("CLINIC_LAB_URL"),
		RecordKey:   []byte(os.Getenv("CLINIC_RECORD_KEY")),
		TLSCert:     os.Getenv("CLINIC_TLS_CERT"),
		TLSKey:      os.Getenv("CLINIC_TLS_KEY"),
	}
}
