// Package helpers holds JWT helpers whose summaries travel as facts.
package helpers

import (
	"errors"
	"os"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

var devKey = []byte("dev-key")

// Checked looks at the method.
func Checked(t *jwt.Token) (any, error) { // want Checked:`keyfunc checks-alg`
	if t.Method != jwt.SigningMethodHS256 {
		return nil, errors.New("bad alg")
	}
	return []byte(os.Getenv("K")), nil
}

// Unchecked does not, and returns a short key.
func Unchecked(*jwt.Token) (any, error) { // want Unchecked:`keyfunc no-alg-check key-7`
	return devKey, nil
}

// Nil returns no key.
func Nil(t *jwt.Token) (any, error) { // want Nil:`keyfunc checks-alg nil-key`
	if t.Header["alg"] == "HS256" {
		return nil, nil
	}
	return nil, errors.New("no key")
}

// None accepts unsigned tokens.
func None(*jwt.Token) (any, error) { // want None:`keyfunc no-alg-check none-key`
	return jwt.UnsafeAllowNoneSignatureType, nil
}

// Delegating hands the token on: assumed to check.
func Delegating(t *jwt.Token) (any, error) { // want Delegating:`keyfunc checks-alg`
	return lookup(t)
}

func lookup(t *jwt.Token) (any, error) { return []byte(t.Raw), nil }

// Factory returns an unchecked keyfunc with a fallback key.
func Factory() jwt.Keyfunc { // want Factory:`keyfunc factory no-alg-check key-fallback-4`
	key := os.Getenv("K")
	if key == "" {
		key = "dev!"
	}
	return func(*jwt.Token) (any, error) { return []byte(key), nil }
}

// Service holds a key.
type Service struct{ key []byte }

// KeyFunc is a method keyfunc.
func (s *Service) KeyFunc(t *jwt.Token) (any, error) { // want KeyFunc:`keyfunc checks-alg`
	if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
		return nil, errors.New("bad alg")
	}
	return s.key, nil
}

// Options restrict the methods.
func Options() []jwt.ParserOption { // want Options:`parser valid-methods\[HS256 HS384\]`
	opts := []jwt.ParserOption{jwt.WithValidMethods([]string{jwt.SigningMethodHS256.Alg(), "HS384"})}
	return opts
}

// Lenient skips claims validation and allows leeway.
func Lenient() *jwt.Parser { // want Lenient:`parser skip-claims leeway=1h0m0s`
	return jwt.NewParser(jwt.WithoutClaimsValidation(), jwt.WithLeeway(time.Hour))
}

// Unknown builds options it cannot see: no fact.
func Unknown(extra jwt.ParserOption) []jwt.ParserOption {
	return []jwt.ParserOption{extra}
}

// Claims are a service's claims.
type Claims struct {
	Role string `json:"role"`
	jwt.RegisteredClaims
}

// WithExp sets the expiry.
func WithExp(sub string) Claims { // want WithExp:`claims exp set`
	c := Claims{Role: "user"}
	c.Subject = sub
	c.ExpiresAt = jwt.NewNumericDate(time.Now().Add(time.Minute))
	return c
}

// WithoutExp does not.
func WithoutExp(sub string) (*Claims, error) { // want WithoutExp:`claims exp missing`
	if sub == "" {
		return nil, errors.New("no subject")
	}
	return &Claims{Role: "user", RegisteredClaims: jwt.RegisteredClaims{Subject: sub}}, nil
}

// MapWithoutExp builds map claims without "exp".
func MapWithoutExp(sub string) jwt.MapClaims { // want MapWithoutExp:`claims exp missing`
	m := jwt.MapClaims{"sub": sub}
	m["iat"] = time.Now().Unix()
	return m
}

// MapFromCaller cannot be told.
func MapFromCaller(m jwt.MapClaims) jwt.MapClaims {
	m["sub"] = "x"
	return m
}
