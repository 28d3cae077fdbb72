// Package sdk issues and verifies the tokens SDKs present (golang-jwt v4).
package sdk

import (
	"fmt"
	"time"

	"github.com/golang-jwt/jwt/v4"

	"example.com/apivettest/corpus/flagship/internal/config"
)

// ClientClaims are carried by browser SDK tokens.
type ClientClaims struct {
	Env string `json:"env"`
	jwt.StandardClaims
}

// Tokens signs SDK tokens.
type Tokens struct {
	secret []byte
}

func NewTokens(secret string) *Tokens { return &Tokens{secret: []byte(secret)} }

// Client issues a browser SDK token for an environment.
func (t *Tokens) Client(env, userKey string) (string, error) {
	now := time.Now()
	claims := ClientClaims{
		Env: env,
		StandardClaims: jwt.StandardClaims{
			Subject:  userKey,
			IssuedAt: now.Unix(),
			// exactly 24 hours: not longer than the limit
			ExpiresAt: now.Add(config.ClientTokenTTL).Unix(), // safe:jwt
		},
	}
	// signed with HS256, expiry set above
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(t.secret) // safe:jwt
}

// Relay issues the token the relay proxy uses to pull flag data.
func (t *Tokens) Relay(env string) (string, error) {
	// MapClaims without "exp": the relay token never expires
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"env": env, "iat": time.Now().Unix(), "role": "relay"}) // vuln:jwt
	return tok.SignedString(t.secret)
}

func (t *Tokens) keyfunc(tok *jwt.Token) (interface{}, error) {
	if alg, _ := tok.Header["alg"].(string); alg != jwt.SigningMethodHS256.Alg() {
		return nil, fmt.Errorf("sdk: unexpected alg %q", alg)
	}
	return t.secret, nil
}

// ParseClient verifies a browser SDK token.
func (t *Tokens) ParseClient(raw string) (*ClientClaims, error) {
	var c ClientClaims
	// the keyfunc method checks the alg header
	if _, err := jwt.ParseWithClaims(raw, &c, t.keyfunc); err != nil { // safe:jwt
		return nil, err
	}
	return &c, nil
}

// relayParser skips exp/iat/nbf checks.
var relayParser = &jwt.Parser{SkipClaimsValidation: true, ValidMethods: []string{"HS256"}}

// ParseRelay verifies a relay token.
func (t *Tokens) ParseRelay(raw string) (jwt.MapClaims, error) {
	claims := jwt.MapClaims{}
	// claims validation is switched off on relayParser
	if _, err := relayParser.ParseWithClaims(raw, claims, t.keyfunc); err != nil { // vuln:jwt
		return nil, err
	}
	return claims, nil
}
