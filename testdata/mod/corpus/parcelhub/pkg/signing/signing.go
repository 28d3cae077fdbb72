// Package signing signs the webhooks parcelhub sends to merchants.
package signing

import (
	"crypto/hmac"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"io"
)

// Sign returns the hex HMAC-SHA256 of body.
func Sign(secret, body []byte) string {
	// HMAC with SHA-256
	mac := hmac.New(sha256.New, secret) // safe:crypto
	mac.Write(body)
	return hex.EncodeToString(mac.Sum(nil))
}

// Checksum identifies a label file so the same PDF is not stored twice.
func Checksum(r io.Reader) (string, error) {
	// SHA-1 as a content checksum for de-duplication
	h := sha1.New() // safe:crypto
	if _, err := io.Copy(h, r); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
