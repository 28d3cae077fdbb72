// Package keys holds the keyfuncs, parsers and claims helpers the other
// services share.
package keys

import (
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

func secret() []byte { return []byte(os.Getenv("JWT_SECRET")) }

// Keyfunc checks the algorithm before handing out the key.
func Keyfunc(t *jwt.Token) (any, error) {
	if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
		return nil, fmt.Errorf("unexpected signing method %v", t.Header["alg"])
	}
	return secret(), nil
}

// Loose hands out the key whatever the token claims its algorithm is.
func Loose(t *jwt.Token) (any, error) {
	return secret(), nil
}

// ForSecret builds a keyfunc that never looks at the algorithm.
func ForSecret(key []byte) jwt.Keyfunc {
	return func(*jwt.Token) (any, error) {
		return key, nil
	}
}

// Strict builds a keyfunc that only accepts HS256.
func Strict(key []byte) jwt.Keyfunc {
	return func(t *jwt.Token) (any, error) {
		if t.Method.Alg() != jwt.SigningMethodHS256.Alg() {
			return nil, errors.New("unexpected signing method")
		}
		return key, nil
	}
}

// Provider finds keys by key ID.
type Provider struct {
	keys map[string][]byte
}

// Keyfunc selects the key by kid, and never looks at alg.
func (p *Provider) Keyfunc(t *jwt.Token) (any, error) {
	kid, _ := t.Header["kid"].(string)
	k, ok := p.keys[kid]
	if !ok {
		return nil, errors.New("unknown key id")
	}
	return k, nil
}

// Parser is the service-wide parser: HS256 only.
func Parser() *jwt.Parser {
	return jwt.NewParser(jwt.WithValidMethods([]string{"HS256"}), jwt.WithLeeway(30*time.Second))
}

// LenientOptions accept tokens up to two hours after they expired.
func LenientOptions() []jwt.ParserOption {
	return []jwt.ParserOption{jwt.WithLeeway(2 * time.Hour)}
}

// NewClaims builds claims without an expiry.
func NewClaims(sub string) jwt.MapClaims {
	return jwt.MapClaims{"sub": sub, "iat": time.Now().Unix()}
}

// UserClaims are the claims of a user token.
type UserClaims struct {
	Role string `json:"role"`
	jwt.RegisteredClaims
}

// NewUserClaims builds claims that expire.
func NewUserClaims(sub, role string, ttl time.Duration) *UserClaims {
	return &UserClaims{
		Role: role,
		RegisteredClaims: jwt.RegisteredClaims{
			Subject:   sub,
			ExpiresAt: jwt.NewNumericDate(time.Now().Add(ttl)),
		},
	}
}
