// Package config loads pressroom's settings.
package config

import (
	"os"
	"strings"
	"time"
)

// Names and sizes shared across packages.
const (
	// the login form's field name
	PasswordField = "password" // safe:secrets
	// the editor's session cookie name
	SessionCookie = "pr_session"

	EditorTokenTTL     = 8 * time.Hour
	SyndicationFeedTTL = 24 * time.Hour
	DeliveryBodyLimit  = "64K"
)

// Listener is one HTTP listener.
type Listener struct {
	Addr string
}

// Config is pressroom's configuration.
type Config struct {
	Delivery Listener
	Editor   struct {
		Listener
		Origins []string
	}
	Embed struct {
		Listener
	}
	DSN   string
	JWT   struct{ Secret string }
	Media struct {
		Dir        string
		SigningKey string
		BaseURL    string
	}
	PreviewKey string
	SMTP       struct {
		Host string
		User string
	}
}

// Load reads PRESSROOM_* variables.
func Load() Config {
	var c Config
	c.Delivery.Addr = def("PRESSROOM_DELIVERY_ADDR", ":8080")
	c.Editor.Addr = def("PRESSROOM_EDITOR_ADDR", ":8081")
	c.Editor.Origins = strings.Split(def("PRESSROOM_EDITOR_ORIGINS", "https://editor.pressroom.io"), ",")
	c.Embed.Addr = def("PRESSROOM_EMBED_ADDR", ":8082")
	c.DSN = os.Getenv("PRESSROOM_DSN")
	c.JWT.Secret = os.Getenv("PRESSROOM_JWT_SECRET")
	c.Media.Dir = def("PRESSROOM_MEDIA_DIR", "/srv/media")
	// the CDN URL-signing key comes from the environment
	c.Media.SigningKey = os.Getenv("PRESSROOM_CDN_SIGNING_KEY") // safe:secrets
	c.Media.BaseURL = def("PRESSROOM_CDN", "https://cdn.pressroom.io")
	c.PreviewKey = os.Getenv("PRESSROOM_PREVIEW_KEY")
	c.SMTP.Host = def("PRESSROOM_SMTP_HOST", "smtp.mailgun.org:587")
	c.SMTP.User = def("PRESSROOM_SMTP_USER", "postmaster@mg.pressroom.io")
	return c
}

func def(k, v string) string {
	if s := os.Getenv(k); s != "" {
		return s
	}
	return v
}
