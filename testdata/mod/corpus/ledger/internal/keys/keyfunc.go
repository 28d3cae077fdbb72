// Package keys holds the keyfuncs the ledger uses to verify tokens.
package keys

import (
	"crypto/rsa"

	"github.com/golang-jwt/jwt/v5"
)

// HMAC returns a keyfunc for the ledger's own tokens. It does not look at
// the algorithm: callers pass jwt.WithValidMethods.
func HMAC(secret []byte) jwt.Keyfunc {
	return func(t *jwt.Token) (interface{}, error) {
		return secret, nil
	}
}

// Static returns a keyfunc that hands out a partner's public key.
func Static(pub *rsa.PublicKey) jwt.Keyfunc {
	return func(t *jwt.Token) (interface{}, error) {
		return pub, nil
	}
}

// ParserOptions are the options every ledger token parse must use.
var ParserOptions = []jwt.ParserOption{
	jwt.WithValidMethods([]string{jwt.SigningMethodHS256.Alg()}),
	jwt.WithExpirationRequired(),
	jwt.WithIssuer("ledger"),
}
