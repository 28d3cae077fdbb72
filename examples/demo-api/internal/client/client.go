// Package client calls the payment provider.
package client

import (
	"crypto/tls"
	"net/http"
	"os"
	"time"
)

// New returns the HTTP client for the payment provider.
func New() *http.Client {
	insecure := os.Getenv("PAYMENTS_INSECURE") == "1"
	return &http.Client{
		Timeout: 10 * time.Second,
		Transport: &http.Transport{
			TLSClientConfig: &tls.Config{
				InsecureSkipVerify: insecure,
				MinVersion:         tls.VersionTLS10,
			},
		},
	}
}
