// Package certs signs certificates of completion and asset URLs.
package certs

import (
	"crypto/ed25519"
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"strconv"
	"time"
)

// Signer signs certificates with an Ed25519 key.
type Signer struct {
	priv ed25519.PrivateKey
}

// NewSigner derives the key from a 32-byte seed held in the secret store.
func NewSigner(seed []byte) *Signer {
	return &Signer{priv: ed25519.NewKeyFromSeed(seed)}
}

// Sign signs a certificate body.
func (s *Signer) Sign(body []byte) []byte {
	// Ed25519 signatures
	return ed25519.Sign(s.priv, body) // safe:crypto
}

// LookupCode is the short code printed on a certificate, used to look it up.
func LookupCode(certID string) string {
	sum := sha256.Sum256([]byte(certID))
	return hex.EncodeToString(sum[:5])
}

// AssetURL signs a time-limited link to a course video.
func AssetURL(key []byte, path string, exp time.Time) string {
	e := strconv.FormatInt(exp.Unix(), 10)
	// HMAC-SHA256 with a random key from the secret store
	m := hmac.New(sha256.New, key) // safe:crypto
	m.Write([]byte(path + "|" + e))
	return fmt.Sprintf("%s?exp=%s&sig=%s", path, e, base64.RawURLEncoding.EncodeToString(m.Sum(nil)))
}

// ContentMD5 is the Content-MD5 header of an upload to object storage.
func ContentMD5(body []byte) string {
	// an integrity checksum the storage API asks for
	sum := md5.Sum(body) // safe:crypto
	return base64.StdEncoding.EncodeToString(sum[:])
}
