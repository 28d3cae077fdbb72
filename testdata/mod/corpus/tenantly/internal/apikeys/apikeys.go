// Package apikeys manages tenants' API keys, invitation codes and the
// passwords of the local (non-SSO) admin accounts.
package apikeys

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/sha512"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	mrand "math/rand/v2"

	"golang.org/x/crypto/bcrypt"
)

// NewKey returns a fresh API key and the digest to store.
func NewKey() (key string, digest string, err error) {
	buf := make([]byte, 32)
	if _, err := rand.Read(buf); err != nil {
		return "", "", err
	}
	key = "tly_" + base64.RawURLEncoding.EncodeToString(buf)
	// SHA-256 of a 256-bit random key: a lookup digest, not password storage
	sum := sha256.Sum256([]byte(key)) // safe:crypto
	return key, hex.EncodeToString(sum[:]), nil
}

// Matches compares a presented key's digest with the stored one.
func Matches(presented, storedDigest string) bool {
	// the same SHA-256 lookup digest of a random key
	sum := sha256.Sum256([]byte(presented)) // safe:crypto
	return subtle.ConstantTimeCompare([]byte(hex.EncodeToString(sum[:])), []byte(storedDigest)) == 1
}

// InviteCode makes the code in an invitation link; whoever holds it can
// join the tenant as a member.
func InviteCode() string {
	const letters = "abcdefghijkmnpqrstuvwxyz23456789"
	b := make([]byte, 10)
	for i := range b {
		// math/rand/v2 for an invitation secret
		b[i] = letters[mrand.IntN(len(letters))] // vuln:crypto
	}
	return string(b)
}

// LegacyHash is how local admin passwords were stored before 2023.
func LegacyHash(salt, password string) string {
	// one round of SHA-512 over salt+password
	sum := sha512.Sum512([]byte(salt + password)) // vuln:crypto
	return fmt.Sprintf("%x", sum)
}

// Hash is the current password hash.
func Hash(password string) ([]byte, error) {
	// bcrypt at cost 12
	return bcrypt.GenerateFromPassword([]byte(password), 12) // safe:crypto
}
