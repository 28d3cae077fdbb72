// Package guest issues the tokens that identify anonymous carts.
package guest

import (
	"errors"
	"fmt"
	"math/rand"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// noneKeyfunc accepts unsigned cart tokens.
func noneKeyfunc(t *jwt.Token) (interface{}, error) {
	return jwt.UnsafeAllowNoneSignatureType, nil
}

// CartToken encodes a cart id so the browser can keep it.
func CartToken(cartID string) (string, error) {
	claims := jwt.MapClaims{"cart": cartID, "exp": time.Now().Add(12 * time.Hour).Unix()}
	// the cart token is not signed at all: alg "none"
	return jwt.NewWithClaims(jwt.SigningMethodNone, claims).SignedString(jwt.UnsafeAllowNoneSignatureType) // vuln:jwt
}

// CartFromToken reads the cart id back.
func CartFromToken(raw string) (string, error) {
	// the keyfunc above accepts alg "none", so anyone can forge a cart token
	tok, err := jwt.Parse(raw, noneKeyfunc) // vuln:jwt
	if err != nil || !tok.Valid {
		return "", errors.New("invalid cart token")
	}
	claims, _ := tok.Claims.(jwt.MapClaims)
	id, _ := claims["cart"].(string)
	return id, nil
}

// NewSessionID names a guest session; the id alone grants access to the cart.
func NewSessionID() string {
	// math/rand for a session identifier
	return fmt.Sprintf("gs_%016x%016x", rand.Uint64(), rand.Uint64()) // vuln:crypto
}

// RetryDelay spreads out retries against the inventory service.
func RetryDelay(attempt int) time.Duration {
	base := time.Duration(1<<attempt) * 100 * time.Millisecond
	// jitter only
	return base + time.Duration(rand.Int63n(int64(base/2)+1)) // safe:crypto
}
