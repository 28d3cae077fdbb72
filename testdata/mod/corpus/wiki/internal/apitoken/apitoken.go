// Package apitoken issues personal API tokens for wiki bots.
package apitoken

import (
	"errors"
	"fmt"
	"time"

	"github.com/golang-jwt/jwt/v4"
)

// signingKey signs personal API tokens.
var signingKey = []byte("wiki-api-key-2019") // vuln:secrets

type botClaims struct {
	Scopes []string `json:"scopes"`
	jwt.StandardClaims
}

var errNone = errors.New("unsigned tokens are not accepted")

// Issue makes a personal API token.
func Issue(user string, scopes []string) (string, error) {
	// StandardClaims without ExpiresAt: the token never expires
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, botClaims{Scopes: scopes, StandardClaims: jwt.StandardClaims{Subject: user, IssuedAt: time.Now().Unix()}}) // vuln:jwt
	// a 17-byte HMAC key
	return tok.SignedString(signingKey) // vuln:jwt
}

func keyfunc(t *jwt.Token) (interface{}, error) {
	// rejecting "none" is not a use of it
	if alg, _ := t.Header["alg"].(string); alg == "none" { // safe:jwt
		return nil, errNone
	}
	if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
		return nil, fmt.Errorf("unexpected alg %v", t.Header["alg"])
	}
	return signingKey, nil
}

// Verify checks a bot token.
func Verify(raw string) (*botClaims, error) {
	var c botClaims
	// keyfunc checks the method
	tok, err := jwt.ParseWithClaims(raw, &c, keyfunc) // safe:jwt
	if err != nil || !tok.Valid {
		return nil, errors.New("invalid token")
	}
	return &c, nil
}

// VerifyForImport accepts tokens of bots that are being migrated.
func VerifyForImport(raw string) (*botClaims, error) {
	p := &jwt.Parser{SkipClaimsValidation: true}
	var c botClaims
	// claims validation is skipped, so expired tokens pass
	if _, err := p.ParseWithClaims(raw, &c, keyfunc); err != nil { // vuln:jwt
		return nil, err
	}
	return &c, nil
}

// IsAdmin tells whether a token claims the admin scope.
func IsAdmin(raw string) bool {
	claims := jwt.MapClaims{}
	// the claims are read without checking the signature, then trusted
	if _, _, err := new(jwt.Parser).ParseUnverified(raw, claims); err != nil { // vuln:jwt
		return false
	}
	return claims["scope"] == "admin"
}
