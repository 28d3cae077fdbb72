// Package legacyauth still accepts tokens minted by the v1 vault.
package legacyauth

import (
	"fmt"

	// dgrijalva/jwt-go is unmaintained (CVE-2020-26160)
	jwt "github.com/dgrijalva/jwt-go" // vuln:jwt
)

// Verify checks a v1 token.
func Verify(raw string, key []byte) (jwt.MapClaims, error) {
	// the keyfunc below checks the method
	tok, err := jwt.Parse(raw, func(t *jwt.Token) (interface{}, error) { // safe:jwt
		if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
			return nil, fmt.Errorf("unexpected alg %v", t.Header["alg"])
		}
		return key, nil
	})
	if err != nil || !tok.Valid {
		return nil, fmt.Errorf("invalid v1 token")
	}
	claims, _ := tok.Claims.(jwt.MapClaims)
	return claims, nil
}
