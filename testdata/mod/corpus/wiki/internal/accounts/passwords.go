// Package accounts checks wiki passwords.
package accounts

import (
	"crypto/md5"
	"crypto/sha512"
	"crypto/subtle"
	"encoding/hex"

	"golang.org/x/crypto/bcrypt"
)

// User is a stored account.
type User struct {
	ID         int64
	Scheme     string // "bcrypt", "sha512" or "md5"
	Salt       string
	Hash       string
	LegacyHash []byte
}

// Check verifies a password against whichever scheme the account still uses.
func Check(u *User, password string) bool {
	switch u.Scheme {
	case "bcrypt":
		return bcrypt.CompareHashAndPassword([]byte(u.Hash), []byte(password)) == nil
	case "sha512":
		// a fast hash for a stored password
		sum := sha512.Sum512([]byte(u.Salt + password)) // vuln:crypto
		return subtle.ConstantTimeCompare([]byte(hex.EncodeToString(sum[:])), []byte(u.Hash)) == 1
	default:
		// MD5 for a stored password
		sum := md5.Sum([]byte(u.Salt + password)) // vuln:crypto
		return subtle.ConstantTimeCompare(sum[:], u.LegacyHash) == 1
	}
}

// Hash hashes a new password.
func Hash(password string) (string, error) {
	// bcrypt at the default cost (10)
	h, err := bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost) // safe:crypto
	return string(h), err
}
