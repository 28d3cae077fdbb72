// Package keys holds the keyfuncs the token parsers use.
package keys

import (
	"fmt"

	"github.com/golang-jwt/jwt/v5"
)

// HMAC returns a keyfunc that only accepts HMAC-signed tokens.
func HMAC(secret []byte) jwt.Keyfunc {
	return func(t *jwt.Token) (any, error) {
		if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
			return nil, fmt.Errorf("keys: unexpected signing method %v", t.Header["alg"])
		}
		return secret, nil
	}
}

// Static returns the secret whatever algorithm the token names; callers are
// expected to restrict the methods on the parser.
func Static(secret []byte) jwt.Keyfunc {
	return func(*jwt.Token) (any, error) {
		return secret, nil
	}
}
