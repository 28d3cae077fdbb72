// Package rollout decides which users see a flag.
package rollout

import (
	"crypto/sha1"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"math/rand/v2"
)

// Bucket maps a user to 0..99 for percentage rollouts.
func Bucket(flagKey, userKey string) int {
	// SHA-1 as a stable bucketing hash
	sum := sha1.Sum([]byte(flagKey + "." + userKey)) // safe:crypto
	return int(binary.BigEndian.Uint32(sum[:4]) % 100)
}

// SampleEvent keeps one evaluation event in rate for analytics.
func SampleEvent(rate float64) bool {
	// statistical sampling
	return rand.Float64() < rate // safe:crypto
}

const keyAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789"

// NewServerKey generates a server-side SDK key.
func NewServerKey() string {
	b := make([]byte, 32)
	for i := range b {
		// SDK secret keys drawn from math/rand/v2
		b[i] = keyAlphabet[rand.IntN(len(keyAlphabet))] // vuln:crypto
	}
	return "srv-" + string(b)
}

// KeySum is how server keys are stored: SHA-256 of a high-entropy key.
func KeySum(key string) string {
	// fast hash of a random key, not of a password
	sum := sha256.Sum256([]byte(key)) // safe:crypto
	return hex.EncodeToString(sum[:])
}
