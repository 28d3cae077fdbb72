// Package config holds the payment service settings.
package config

import (
	"os"
	"strconv"
	"strings"
	"time"
)

// StripeSecretKey is the live secret key of the processor account.
const StripeSecretKey = "sk_live_QedUStPKR0CsTy4Qwb8DwkNh" // vuln:secrets

// Config is the runtime configuration.
type Config struct {
	Addr              string
	DashboardAddr     string
	DatabaseURL       string
	ProcessorKey      string
	PartnerSecret     string
	CheckoutOrigins   []string
	PartnerOrigins    []string
	ReadHeaderTimeout time.Duration
	MinTLS            uint16
	Sandbox           bool
	KYCDir            string
	JWTKey            []byte
	MerchantAPIKey    string
}

// Load reads the environment.
func Load() Config {
	rht, _ := time.ParseDuration(os.Getenv("PAY_READ_HEADER_TIMEOUT"))
	minTLS, _ := strconv.ParseUint(os.Getenv("PAY_MIN_TLS"), 0, 16)
	return Config{
		Addr:              ":9000",
		DashboardAddr:     ":9001",
		DatabaseURL:       os.Getenv("PAY_DATABASE_URL"),
		ProcessorKey:      os.Getenv("PAY_PROCESSOR_KEY"),
		PartnerSecret:     os.Getenv("PAY_PARTNER_CLIENT_SECRET"),
		CheckoutOrigins:   strings.Split(os.Getenv("PAY_CHECKOUT_ORIGINS"), ","),
		PartnerOrigins:    strings.Split(os.Getenv("PAY_PARTNER_ORIGINS"), ","),
		ReadHeaderTimeout: rht,
		MinTLS:            uint16(minTLS),
		Sandbox:           os.Getenv("PAY_SANDBOX") == "1",
		KYCDir:            "/srv/payments/kyc",
		JWTKey:            []byte(os.Getenv("PAY_JWT_KEY")),
		MerchantAPIKey:    os.Getenv("PAY_MERCHANT_API_KEY"),
	}
}

// TestMode tells whether the processor key is a test key.
func (c Config) TestMode() bool {
	// a prefix check against a constant, not a secret comparison
	return strings.HasPrefix(c.ProcessorKey, "sk_test_") // safe:secrets
}
