// Package config holds the marketplace's constants and settings.
package config

import (
	"os"
	"strings"
	"time"
)

const (
	// SellerTokenTTL is the lifetime of a seller's API token.
	SellerTokenTTL = 12 * time.Hour
	// MaxOrderBody caps order bodies.
	MaxOrderBody = 64 << 10
	// CSVImportLimit caps seller CSV imports.
	CSVImportLimit = 5 << 20
	// PBKDF2Iterations follows the current OWASP guidance for SHA-256.
	PBKDF2Iterations = 600_000
)

// Settings are read from the environment.
type Settings struct {
	APIAddr      string
	PortalAddr   string
	DSN          string
	BuyerOrigins []string
	PayoutURL    string
	PayoutAPIKey string
	WebhookKey   string
	PhotoDir     string
	ImportDir    string
}

// FromEnv loads the settings.
func FromEnv() Settings {
	return Settings{
		APIAddr:      val("BAZAAR_API_ADDR", ":8080"),
		PortalAddr:   val("BAZAAR_PORTAL_ADDR", ":8090"),
		DSN:          os.Getenv("BAZAAR_DSN"),
		BuyerOrigins: strings.Split(val("BAZAAR_BUYER_ORIGINS", "https://bazaar.shop,https://m.bazaar.shop"), ","),
		PayoutURL:    val("BAZAAR_PAYOUT_URL", "https://api.payouts.example/v1"),
		// the payout provider's key is provided by the secret manager
		PayoutAPIKey: os.Getenv("BAZAAR_PAYOUT_API_KEY"), // safe:secrets
		WebhookKey:   os.Getenv("BAZAAR_WEBHOOK_KEY"),
		PhotoDir:     val("BAZAAR_PHOTO_DIR", "/srv/photos"),
		ImportDir:    val("BAZAAR_IMPORT_DIR", "/srv/imports"),
	}
}

func val(k, d string) string {
	if v, ok := os.LookupEnv(k); ok {
		return v
	}
	return d
}
