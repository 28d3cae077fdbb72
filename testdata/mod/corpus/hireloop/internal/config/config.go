// Package config holds hireloop's configuration and constants.
package config

import (
	"os"
	"time"
)

const (
	RecruiterTokenTTL = 8 * time.Hour
	// CandidateLinkTTL is how long a magic sign-in link for candidates works.
	CandidateLinkTTL = 72 * time.Hour
	PartnerTokenTTL  = time.Hour
	// a header name, not a key
	PartnerKeyHeader = "X-Partner-Key" // safe:secrets
	ResumeDir        = "/srv/hireloop/resumes"
	AttachmentDir    = "/srv/hireloop/attachments"
	// ExampleEnv is printed by `hireloop -help`.
	ExampleEnv = "SMTP_PASSWORD=<your-smtp-password>" // safe:secrets
)

type Config struct {
	APIAddr        string
	CareersAddr    string
	WidgetAddr     string
	DSN            string
	JWTKey         []byte
	CareersKey     []byte
	PartnerPEM     string
	MetricsPass    string
	PartnerPingKey string
	SMTP           SMTP
	CareersHosts   []string
}

type SMTP struct {
	Host     string
	Port     int
	User     string
	Password string
}

// Load reads the environment; SMTP falls back to the shared relay account.
func Load() *Config {
	return &Config{
		APIAddr:        envOr("HIRELOOP_API_ADDR", ":7000"),
		CareersAddr:    envOr("HIRELOOP_CAREERS_ADDR", ":7001"),
		WidgetAddr:     envOr("HIRELOOP_WIDGET_ADDR", ":7002"),
		DSN:            os.Getenv("HIRELOOP_DSN"),
		JWTKey:         []byte(os.Getenv("HIRELOOP_JWT_KEY")),
		CareersKey:     []byte(os.Getenv("HIRELOOP_CAREERS_KEY")),
		PartnerPEM:     os.Getenv("HIRELOOP_PARTNER_PUBKEY"),
		MetricsPass:    os.Getenv("HIRELOOP_METRICS_PASSWORD"),
		PartnerPingKey: os.Getenv("HIRELOOP_PARTNER_PING_KEY"),
		CareersHosts:   []string{"https://careers.hireloop.io"},
		SMTP: SMTP{
			Host: envOr("SMTP_HOST", "relay.hireloop.internal"),
			Port: 587,
			User: envOr("SMTP_USER", "notifications@hireloop.io"),
			// the relay account's password as a literal in the struct
			Password: "hL-smtp-R3lay!2024-vK8q", // vuln:secrets
		},
	}
}

func envOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}
