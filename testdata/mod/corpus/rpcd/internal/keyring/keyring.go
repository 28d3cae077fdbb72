// Package keyring resolves verification keys for the tokens rpcd accepts.
package keyring

import (
	"crypto/ed25519"
	"fmt"

	"github.com/golang-jwt/jwt/v5"
)

// Ring holds the HMAC secret and the workers' Ed25519 keys.
type Ring struct {
	Secret  []byte
	Workers map[string]ed25519.PublicKey
}

// HMAC is the keyfunc for rpcd's own tokens; it checks the method.
func (r *Ring) HMAC(t *jwt.Token) (any, error) {
	if t.Method.Alg() != jwt.SigningMethodHS256.Alg() {
		return nil, fmt.Errorf("keyring: unexpected alg %q", t.Method.Alg())
	}
	return r.Secret, nil
}

// Worker returns a batch worker's key by kid, whatever the algorithm.
func (r *Ring) Worker(t *jwt.Token) (any, error) {
	kid, _ := t.Header["kid"].(string)
	k, ok := r.Workers[kid]
	if !ok {
		return nil, fmt.Errorf("keyring: unknown worker key %q", kid)
	}
	return k, nil
}
