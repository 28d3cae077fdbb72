// Package refresh rotates refresh tokens; it signs with HS256 only.
package refresh

import (
	"crypto/rsa"
	"os"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

var secret = []byte(os.Getenv("REFRESH_SECRET"))

// Issue issues a 30-day refresh token: safe.
func Issue(userID string) (string, error) {
	claims := jwt.RegisteredClaims{
		Subject:   userID,
		ExpiresAt: jwt.NewNumericDate(time.Now().Add(30 * 24 * time.Hour)),
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(secret)
}

// Rotate verifies a refresh token and issues the next one.
func Rotate(raw string) (string, error) {
	tok, err := jwt.ParseWithClaims(raw, &jwt.RegisteredClaims{}, func(t *jwt.Token) (any, error) { // want `AV103 medium: keyfunc func literal returns the key without checking token.Method .*; check token.Method in the keyfunc or pass jwt.WithValidMethods\(\[\]string\{"HS256"\}\)`
		return secret, nil
	})
	if err != nil {
		return "", err
	}
	sub, err := tok.Claims.GetSubject()
	if err != nil {
		return "", err
	}
	return Issue(sub)
}

// PartnerKey is the partner's RSA public key.
var PartnerKey *rsa.PublicKey

// Partner verifies the partner's RS256 tokens: no fix, since HS256 would
// be wrong for them.
func Partner(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, func(*jwt.Token) (any, error) { return PartnerKey, nil }) // want `AV103 medium: keyfunc func literal returns the key without checking token.Method .*; check token.Method in the keyfunc or pass jwt.WithValidMethods$`
}
