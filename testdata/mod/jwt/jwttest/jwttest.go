// Package jwttest mints tokens for other packages' tests: none of its
// tokens reach production, so nothing here is reported.
package jwttest

import (
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// Key is the tests' signing key.
var Key = []byte("test-key")

// Token mints a token that never expires.
func Token(sub string) string {
	s, _ := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": sub}).SignedString(Key)
	return s
}

// Expired mints a token that expired a year ago.
func Expired(sub string) string {
	s, _ := jwt.NewWithClaims(jwt.SigningMethodNone, jwt.MapClaims{"sub": sub, "exp": time.Now().AddDate(1, 0, 0).Unix()}).SignedString(jwt.UnsafeAllowNoneSignatureType)
	return s
}
