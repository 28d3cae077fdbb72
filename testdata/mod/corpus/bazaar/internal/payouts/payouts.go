// Package payouts pays sellers out and receives the provider's webhooks.
package payouts

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha256"
	"crypto/tls"
	"encoding/hex"
	"net/http"
	"time"

	"example.com/apivettest/corpus/bazaar/internal/config"
)

// Client calls the payout provider.
type Client struct {
	base   string
	apiKey string
	http   *http.Client
}

// New builds the client.
func New(s config.Settings) *Client {
	tr := &http.Transport{TLSClientConfig: &tls.Config{
		// TLS 1.3 only
		MinVersion: tls.VersionTLS13, // safe:transport
		// AEAD suites (used if the floor is ever lowered to 1.2)
		CipherSuites: []uint16{tls.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, tls.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384}, // safe:transport
	}}
	return &Client{base: s.PayoutURL, apiKey: s.PayoutAPIKey, http: &http.Client{Transport: tr, Timeout: 30 * time.Second}}
}

// Verifier checks webhook signatures.
type Verifier struct {
	key []byte
}

// NewVerifier builds a verifier with the shared webhook key.
func NewVerifier(key string) Verifier { return Verifier{key: []byte(key)} }

// Valid checks the v2 signature: HMAC-SHA256 compared in constant time.
func (v Verifier) Valid(body []byte, sigHex string) bool {
	// HMAC with SHA-256 over the body
	mac := hmac.New(sha256.New, v.key) // safe:crypto
	mac.Write(body)
	got, err := hex.DecodeString(sigHex)
	if err != nil {
		return false
	}
	// hmac.Equal is constant-time
	return hmac.Equal(mac.Sum(nil), got) // safe:secrets
}

// ValidLegacy checks the v1 signature the provider still sends for old
// accounts: md5(key + body).
func (v Verifier) ValidLegacy(body []byte, sigHex string) bool {
	// MD5 as a message signature
	sum := md5.Sum(append(append([]byte{}, v.key...), body...)) // vuln:crypto
	return hmac.Equal([]byte(hex.EncodeToString(sum[:])), []byte(sigHex))
}
