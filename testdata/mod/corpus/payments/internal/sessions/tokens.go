// Package sessions issues the merchant dashboard tokens.
package sessions

import (
	"fmt"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// Keyfunc checks that the token is HMAC-signed before handing out the key.
func Keyfunc(key []byte) jwt.Keyfunc {
	return func(t *jwt.Token) (interface{}, error) {
		if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
			return nil, fmt.Errorf("unexpected signing method %v", t.Header["alg"])
		}
		return key, nil
	}
}

// Access signs a dashboard access token.
func Access(key []byte, merchant string) (string, error) {
	claims := jwt.RegisteredClaims{
		Subject: merchant,
		// thirty days for an access token
		ExpiresAt: jwt.NewNumericDate(time.Now().Add(time.Hour * 24 * 30)), // vuln:jwt
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}

// Refresh signs a dashboard refresh token.
func Refresh(key []byte, merchant string) (string, error) {
	claims := jwt.MapClaims{
		"sub":       merchant,
		"token_use": "refresh",
		// three weeks for a refresh token
		"exp": time.Now().Add(21 * 24 * time.Hour).Unix(), // safe:jwt
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}

// Parse verifies a dashboard token; Keyfunc, in this package, checks the method.
func Parse(key []byte, raw string) (string, error) {
	var c jwt.RegisteredClaims
	// Keyfunc checks the HMAC method
	if _, err := jwt.ParseWithClaims(raw, &c, Keyfunc(key)); err != nil { // safe:jwt
		return "", err
	}
	return c.Subject, nil
}
