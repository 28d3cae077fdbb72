// Package strict is analysed with raised thresholds
// (-min-bcrypt-cost=12 -min-rsa-bits=3072 -min-pbkdf2-iterations=1000000).
package strict

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"

	"golang.org/x/crypto/bcrypt"
	"golang.org/x/crypto/pbkdf2"
)

func Hash(password []byte) ([]byte, error) {
	return bcrypt.GenerateFromPassword(password, bcrypt.DefaultCost) // want `bcrypt cost 10 is below 12`
}

func HashStrong(password []byte) ([]byte, error) {
	return bcrypt.GenerateFromPassword(password, 12)
}

func Key() (*rsa.PrivateKey, error) {
	return rsa.GenerateKey(rand.Reader, 2048) // want `rsa.GenerateKey with 2048 bits is below 3072`
}

func Derive(password, salt []byte) []byte {
	return pbkdf2.Key(password, salt, 600000, 32, sha256.New) // want `pbkdf2 with 600000 iterations of HMAC-SHA256 is below OWASP's 1000000`
}
