// Package corebank talks to the partner core-banking API.
package corebank

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha1"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/rand"
	"net/http"
	"os"
	"time"

	"example.com/apivettest/corpus/wallet/internal/config"
)

// Client is the core-bank HTTP client.
type Client struct {
	base   string
	apiKey string
	http   *http.Client
}

// New builds a client from the bank configuration.
func New(cfg config.BankConfig) (*Client, error) {
	tlsCfg, err := tlsConfig(cfg)
	if err != nil {
		return nil, err
	}
	return &Client{
		base:   cfg.BaseURL,
		apiKey: cfg.APIKey,
		http: &http.Client{
			Timeout:   10 * time.Second,
			Transport: &http.Transport{TLSClientConfig: tlsCfg},
		},
	}, nil
}

func tlsConfig(cfg config.BankConfig) (*tls.Config, error) {
	pool, err := x509.SystemCertPool()
	if err != nil {
		return nil, fmt.Errorf("corebank: system roots: %w", err)
	}
	if cfg.CAFile != "" {
		pem, err := os.ReadFile(cfg.CAFile)
		if err != nil {
			return nil, fmt.Errorf("corebank: read CA: %w", err)
		}
		pool.AppendCertsFromPEM(pem)
	}
	return &tls.Config{
		RootCAs: pool,
		// TLS 1.2 is the floor the bank supports
		MinVersion: tls.VersionTLS12, // safe:transport
		// COREBANK_INSECURE=true turns verification off in any environment
		InsecureSkipVerify: cfg.SkipVerify, // vuln:transport
	}, nil
}

type settleRequest struct {
	From        string `json:"from"`
	To          string `json:"to"`
	AmountMinor int64  `json:"amount_minor"`
}

// Settle books a transfer at the core bank, retrying with jitter.
func (c *Client) Settle(ctx context.Context, from, to string, amountMinor int64) (string, error) {
	body, _ := json.Marshal(settleRequest{From: from, To: to, AmountMinor: amountMinor})
	var lastErr error
	for attempt := 0; attempt < 3; attempt++ {
		ref, err := c.post(ctx, "/settlements", body)
		if err == nil {
			return ref, nil
		}
		lastErr = err
		// jitter between retries, not a secret
		backoff := time.Duration(100+rand.Intn(400)) * time.Millisecond // safe:crypto
		select {
		case <-ctx.Done():
			return "", ctx.Err()
		case <-time.After(backoff << attempt):
		}
	}
	return "", fmt.Errorf("corebank: settle after retries: %w", lastErr)
}

func (c *Client) post(ctx context.Context, path string, body []byte) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+path, bytes.NewReader(body))
	if err != nil {
		return "", err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(config.APIKeyHeader, c.apiKey)
	resp, err := c.http.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("corebank: %s", resp.Status)
	}
	var out struct {
		Reference string `json:"reference"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return "", fmt.Errorf("corebank: decode: %w", err)
	}
	return out.Reference, nil
}

// VerifySignature checks the signature the core bank puts on webhooks.
func VerifySignature(key, body []byte, sigHex string) bool {
	// HMAC-SHA1, as the bank's webhook spec still uses
	mac := hmac.New(sha1.New, key) // vuln:crypto
	mac.Write(body)
	want := mac.Sum(nil)
	got, err := hex.DecodeString(sigHex)
	if err != nil {
		return false
	}
	// constant-time compare of the signature
	return hmac.Equal(got, want) // safe:secrets
}
