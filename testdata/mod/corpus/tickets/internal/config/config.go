// Package config holds the ticket service settings.
package config

import (
	"os"
	"strings"
)

// SlackBotToken posts ticket events to the support channel.
const SlackBotToken = "xoxb-2048713390251-4871264310982-Qm7ZtWv3KxP9cLrN2sYdHf8B" // vuln:secrets

// Names of cookies and headers; none of them hold a credential.
const (
	PortalCookie = "tk_portal"
	// a cookie name
	AgentCookie = "tk_agent_session" // safe:secrets
	// a header name
	CSRFHeaderName = "X-CSRF-Token" // safe:secrets
)

// Settings is the runtime configuration.
type Settings struct {
	APIAddr      string
	StatusAddr   string
	DSN          string
	JWTSecret    []byte
	SMTPPassword string
	Origins      []string
}

// Load reads the settings from the environment.
func Load() Settings {
	return Settings{
		APIAddr:    ":8000",
		StatusAddr: ":8090",
		DSN:        os.Getenv("TICKETS_DSN"),
		JWTSecret:  []byte(os.Getenv("TICKETS_JWT_SECRET")),
		// from the environment
		SMTPPassword: os.Getenv("TICKETS_SMTP_PASSWORD"), // safe:secrets
		Origins:      strings.Split(os.Getenv("TICKETS_ORIGINS"), ","),
	}
}
