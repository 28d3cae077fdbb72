// Package keys resolves the keys that verify the tokens the booking API
// accepts: its own HMAC tokens and the assertions channel partners sign.
package keys

import (
	"crypto/rsa"
	"fmt"

	"github.com/golang-jwt/jwt/v5"
)

// HMAC returns the keyfunc for the tokens this service issues itself.
func HMAC(secret []byte) jwt.Keyfunc {
	return func(t *jwt.Token) (any, error) {
		if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
			return nil, fmt.Errorf("keys: unexpected signing method %v", t.Header["alg"])
		}
		return secret, nil
	}
}

// PartnerDirectory knows each channel partner's public key by key id.
type PartnerDirectory interface {
	PublicKey(kid string) (*rsa.PublicKey, error)
}

// Partner looks the partner's RSA key up by the token's kid header.
func Partner(dir PartnerDirectory) jwt.Keyfunc {
	return func(t *jwt.Token) (any, error) {
		kid, _ := t.Header["kid"].(string)
		if kid == "" {
			return nil, fmt.Errorf("keys: partner assertion without kid")
		}
		return dir.PublicKey(kid)
	}
}
