// Package accounts manages learner accounts.
package accounts

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	mrand "math/rand"

	"golang.org/x/crypto/argon2"
	"golang.org/x/crypto/bcrypt"
)

// Hash hashes a new password; cost 10 is the floor.
func Hash(pw string) ([]byte, error) {
	// cost 10 is not under 10
	return bcrypt.GenerateFromPassword([]byte(pw), 10) // safe:crypto
}

// CheckImported checks passwords imported from the previous platform.
func CheckImported(pw string, salt, want []byte) bool {
	// argon2id with 1 MiB of memory
	got := argon2.IDKey([]byte(pw), salt, 1, 1024, 1, 32) // vuln:crypto
	return subtle.ConstantTimeCompare(got, want) == 1
}

// InviteToken makes the token of a course invitation link.
func InviteToken() string {
	b := make([]byte, 16)
	// math/rand's Read for a token
	mrand.Read(b) // vuln:crypto
	return hex.EncodeToString(b)
}

// APIKeyDigest is how instructor API keys (32 random bytes) are stored and looked up.
func APIKeyDigest(key string) string {
	// a high-entropy random key, so SHA-256 is enough for lookup
	sum := sha256.Sum256([]byte(key)) // safe:crypto
	return hex.EncodeToString(sum[:])
}

// Shuffle orders quiz questions differently for each attempt.
func Shuffle(ids []int) {
	// presentation order, not a secret
	mrand.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] }) // safe:crypto
}
