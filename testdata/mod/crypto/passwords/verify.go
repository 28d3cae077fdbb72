package passwords

import (
	"crypto/md5"
	"crypto/sha512"
	"crypto/subtle"
	"encoding/hex"

	"golang.org/x/crypto/bcrypt"
)

// Account is a user row with whichever hash scheme it still has.
type Account struct {
	Scheme, Hash, Salt string
	LegacyHash         []byte
}

// Verify checks a password against every scheme the table still holds:
// the fast hashes are in use for stored passwords.
func Verify(a *Account, password string) bool {
	switch a.Scheme {
	case "bcrypt":
		return bcrypt.CompareHashAndPassword([]byte(a.Hash), []byte(password)) == nil
	case "sha512":
		sum := sha512.Sum512([]byte(a.Salt + password)) // want `SHA-512.*password|password.*sha512|fast hash`
		return subtle.ConstantTimeCompare([]byte(hex.EncodeToString(sum[:])), []byte(a.Hash)) == 1
	default:
		sum := md5.Sum([]byte(a.Salt + password)) // want `MD5`
		return subtle.ConstantTimeCompare(sum[:], a.LegacyHash) == 1
	}
}

// Upgrade verifies a legacy MD5 hash once and replaces it with bcrypt: a
// migration, silent.
func Upgrade(a *Account, password string) (string, bool) {
	sum := md5.Sum([]byte(a.Salt + password))
	if subtle.ConstantTimeCompare(sum[:], a.LegacyHash) != 1 {
		return "", false
	}
	h, err := bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost)
	if err != nil {
		return "", false
	}
	return string(h), true
}
