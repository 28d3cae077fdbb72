// Package config loads chatter's settings from the environment into nested
// structs and holds the names the packages share.
package config

import (
	"fmt"
	"os"
	"strings"
	"time"
)

// Shared names. None of them is a credential.
const (
	// the header bots authenticate with: a header name
	BotTokenHeader = "X-Chatter-Bot-Token" // safe:secrets
	// the name of the web UI's session cookie
	SessionCookie = "chatter_session"
	// a placeholder shown in the sample configuration
	SamplePassword = "<your-db-password>" // safe:secrets

	MaxMessageBytes = 16 << 10
)

type (
	// Config is the whole configuration.
	Config struct {
		API   Listener
		Web   Web
		DB    DB
		CORS  CORS
		Auth  Auth
		Files Files
		Push  Push
	}
	// Listener is one HTTP listener.
	Listener struct {
		Addr         string
		ReadTimeout  time.Duration
		WriteTimeout time.Duration
	}
	// Web is the server-rendered web client.
	Web struct {
		Listener
		CSRFKey string
	}
	// DB is the MySQL connection.
	DB struct {
		Host, Name, User, Password string
	}
	// CORS is the list of first-party web origins.
	CORS struct {
		Origins []string
	}
	// Auth holds the token signing secret.
	Auth struct {
		Secret string
	}
	// Files is where attachments land.
	Files struct {
		UploadDir string
		AvatarDir string
	}
	// Push configures the notification fan-out.
	Push struct {
		SlackURL string
	}
)

// Load reads CHATTER_* variables.
func Load() (*Config, error) {
	c := &Config{
		API: Listener{Addr: get("CHATTER_API_ADDR", ":8080"), ReadTimeout: 10 * time.Second, WriteTimeout: 30 * time.Second},
		Web: Web{
			Listener: Listener{Addr: get("CHATTER_WEB_ADDR", ":8090")},
			CSRFKey:  os.Getenv("CHATTER_CSRF_KEY"),
		},
		DB: DB{
			Host: get("CHATTER_DB_HOST", "127.0.0.1:3306"),
			Name: get("CHATTER_DB_NAME", "chatter"),
			User: get("CHATTER_DB_USER", "chatter"),
			// the database password is injected by the orchestrator
			Password: os.Getenv("CHATTER_DB_PASSWORD"), // safe:secrets
		},
		CORS:  CORS{Origins: strings.Split(get("CHATTER_ORIGINS", "https://chatter.app,https://www.chatter.app"), ",")},
		Auth:  Auth{Secret: os.Getenv("CHATTER_TOKEN_SECRET")},
		Files: Files{UploadDir: get("CHATTER_UPLOADS", "/var/lib/chatter/uploads"), AvatarDir: get("CHATTER_AVATARS", "/var/lib/chatter/avatars")},
		Push:  Push{SlackURL: get("CHATTER_SLACK_URL", "https://slack.com/api/chat.postMessage")},
	}
	if len(c.Web.CSRFKey) != 32 {
		return nil, fmt.Errorf("config: CHATTER_CSRF_KEY must be 32 bytes, got %d", len(c.Web.CSRFKey))
	}
	return c, nil
}

func get(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}
