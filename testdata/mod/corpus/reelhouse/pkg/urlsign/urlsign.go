// Package urlsign signs CDN URLs and hashes profile PINs.
package urlsign

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"time"

	"golang.org/x/crypto/scrypt"
)

// Sign returns path?exp=...&sig=... with an HMAC-SHA256 signature.
func Sign(secret []byte, path string, exp time.Time) string {
	msg := fmt.Sprintf("%s|%d", path, exp.Unix())
	// HMAC-SHA256
	m := hmac.New(sha256.New, secret) // safe:crypto
	m.Write([]byte(msg))
	return fmt.Sprintf("%s?exp=%d&sig=%s", path, exp.Unix(), base64.RawURLEncoding.EncodeToString(m.Sum(nil)))
}

// ThumbCacheKey names a resized thumbnail in the cache.
func ThumbCacheKey(titleID int64, w, h int) string {
	// MD5 as a cache key
	sum := md5.Sum([]byte(fmt.Sprintf("%d:%dx%d", titleID, w, h))) // safe:crypto
	return hex.EncodeToString(sum[:])
}

// HashProfilePIN hashes the four-digit PIN that locks a kids profile.
func HashProfilePIN(profileID, pin string) string {
	// one SHA-256 over a four-digit PIN, stored as the PIN hash
	sum := sha256.Sum256([]byte(profileID + ":" + pin)) // vuln:crypto
	return hex.EncodeToString(sum[:])
}

// HashPassword derives the stored hash of an account password.
func HashPassword(password string, salt []byte) ([]byte, error) {
	// scrypt with N=32768, r=8, p=1
	return scrypt.Key([]byte(password), salt, 1<<15, 8, 1, 32) // safe:crypto
}
