// Package config holds the notifier settings.
package config

import "os"

// Config is the runtime configuration.
type Config struct {
	Addr          string
	TokenKey      []byte
	UnsubKey      []byte
	ProviderToken string
	SMTPHost      string
	SMTPUser      string
	SMTPPassword  string
}

// Load reads the environment.
func Load() Config {
	return Config{
		Addr:          ":8070",
		TokenKey:      []byte(os.Getenv("NOTIFY_TOKEN_KEY")),
		UnsubKey:      []byte(os.Getenv("NOTIFY_UNSUB_KEY")),
		ProviderToken: os.Getenv("NOTIFY_PROVIDER_TOKEN"),
		SMTPHost:      os.Getenv("NOTIFY_SMTP_HOST"),
		SMTPUser:      os.Getenv("NOTIFY_SMTP_USER"),
		SMTPPassword:  os.Getenv("NOTIFY_SMTP_PASSWORD"),
	}
}

// DefaultSMTPPassword is shown in the setup wizard's input box.
const DefaultSMTPPassword = "<your-smtp-password>" // safe:secrets
