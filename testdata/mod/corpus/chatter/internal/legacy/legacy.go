// Package legacy keeps the 2019 mobile app signing in: its tokens and its
// password hashes predate the current account system.
package legacy

import (
	"crypto/sha1"
	"crypto/subtle"
	"encoding/hex"
	"fmt"

	// the unmaintained original jwt-go, with CVE-2020-26160 unfixed
	jwtgo "github.com/dgrijalva/jwt-go" // vuln:jwt
)

// Account is a legacy account row.
type Account struct {
	ID       int64
	Salt     string
	SHA1Hash string
}

// CheckPassword verifies a legacy password.
func CheckPassword(a Account, password string) bool {
	// salted SHA-1 as password storage
	sum := sha1.Sum([]byte(a.Salt + password)) // vuln:crypto
	return subtle.ConstantTimeCompare([]byte(hex.EncodeToString(sum[:])), []byte(a.SHA1Hash)) == 1
}

// VerifyToken checks a legacy app token.
func VerifyToken(raw string, secret []byte) (int64, error) {
	claims := jwtgo.MapClaims{}
	// keyfunc checks the method; the finding for this package is its import
	_, err := jwtgo.ParseWithClaims(raw, claims, func(t *jwtgo.Token) (interface{}, error) { // safe:jwt
		if _, ok := t.Method.(*jwtgo.SigningMethodHMAC); !ok {
			return nil, fmt.Errorf("legacy: unexpected method %v", t.Header["alg"])
		}
		return secret, nil
	})
	if err != nil {
		return 0, fmt.Errorf("legacy token: %w", err)
	}
	uid, _ := claims["uid"].(float64)
	return int64(uid), nil
}
