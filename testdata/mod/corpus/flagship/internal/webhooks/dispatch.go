// Package webhooks delivers flag-change events to customer endpoints.
package webhooks

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/md5"
	"crypto/tls"
	"encoding/hex"
	"net/http"
	"time"
)

// Hook is a customer's webhook subscription.
type Hook struct {
	URL    string
	Secret []byte
	// SkipTLSVerify is a per-hook checkbox in the dashboard, for customers
	// with self-signed endpoints.
	SkipTLSVerify bool
}

func client(h Hook) *http.Client {
	tc := &tls.Config{
		// TLS 1.2 floor
		MinVersion: tls.VersionTLS12, // safe:transport
		// any customer can tick the box in production
		InsecureSkipVerify: h.SkipTLSVerify, // vuln:transport
	}
	return &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{TLSClientConfig: tc}}
}

func sign(secret, body []byte) string {
	// HMAC-MD5 signature on every delivery
	m := hmac.New(md5.New, secret) // vuln:crypto
	m.Write(body)
	return hex.EncodeToString(m.Sum(nil))
}

// Deliver posts one event.
func Deliver(ctx context.Context, h Hook, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, h.URL, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Flagship-Signature", sign(h.Secret, body))
	resp, err := client(h).Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
