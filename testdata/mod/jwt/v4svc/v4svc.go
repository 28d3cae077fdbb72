// Package v4svc is a service on golang-jwt v4.
package v4svc

import (
	"net/http"
	"os"
	"time"

	"github.com/golang-jwt/jwt/v4"
	"github.com/golang-jwt/jwt/v4/request"
)

var key = []byte(os.Getenv("JWT_KEY"))

type sessionClaims struct {
	Scopes []string `json:"scopes"`
	jwt.RegisteredClaims
}

func loose(*jwt.Token) (interface{}, error) { return key, nil }

// Sign issues a one-hour token: safe.
func Sign(sub string) (string, error) {
	c := sessionClaims{Scopes: []string{"read"}}
	c.RegisteredClaims = jwt.RegisteredClaims{Subject: sub, ExpiresAt: jwt.NewNumericDate(time.Now().Add(time.Hour))}
	return jwt.NewWithClaims(jwt.SigningMethodHS512, c).SignedString(key)
}

// SignYear issues a one-year token.
func SignYear(sub string) (string, error) {
	c := sessionClaims{}
	c.RegisteredClaims = jwt.RegisteredClaims{Subject: sub, ExpiresAt: jwt.NewNumericDate(time.Now().Add(365 * 24 * time.Hour))} // want `AV105 medium: access token lifetime 8760h exceeds the 24h limit`
	return jwt.NewWithClaims(jwt.SigningMethodHS512, c).SignedString(key)
}

// FromRequest extracts and verifies the bearer token.
func FromRequest(r *http.Request) (*jwt.Token, error) {
	return request.ParseFromRequest(r, request.OAuth2Extractor, loose) // want `AV103 medium: keyfunc loose returns the key without checking token.Method`
}

// FromRequestRestricted passes a parser that restricts the methods: safe.
func FromRequestRestricted(r *http.Request) (*jwt.Token, error) {
	p := jwt.NewParser(jwt.WithValidMethods([]string{"HS512"}))
	return request.ParseFromRequest(r, request.OAuth2Extractor, loose, request.WithParser(p))
}

// Deprecated parser fields still work in v4.
func Deprecated(raw string) (*jwt.Token, error) {
	p := &jwt.Parser{ValidMethods: []string{"HS512"}}
	p.SkipClaimsValidation = true
	return p.Parse(raw, loose) // want `AV106 medium: \(\*jwt.Parser\).Parse runs with claims validation switched off`
}

// tokenClaims implement jwt.Claims themselves.
type tokenClaims struct {
	Sub string `json:"sub"`
	Exp int64  `json:"exp"`
}

// Valid checks the expiry.
func (c tokenClaims) Valid() error {
	if time.Now().Unix() > c.Exp {
		return jwt.ErrTokenExpired
	}
	return nil
}

// SignWeek issues a week-long token with its own claims type.
func SignWeek(sub string) (string, error) {
	c := tokenClaims{Sub: sub, Exp: time.Now().Add(7 * 24 * time.Hour).Unix()} // want `AV105 medium: access token lifetime 168h exceeds the 24h limit`
	return jwt.NewWithClaims(jwt.SigningMethodHS512, c).SignedString(key)
}

// SignNoExp forgets it.
func SignNoExp(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS512, tokenClaims{Sub: sub}).SignedString(key) // want `AV104 medium: token created without an expiry: the claims \(v4svc.tokenClaims\{...\}\) never set "exp"`
}

// settings is not a claims type: its "exp" is an experiment flag.
type settings struct {
	Exp  int64 `json:"exp"`
	Mode int   `json:"mode"`
}

// Experiment is not a token: silent.
func Experiment() settings {
	return settings{Exp: time.Now().Add(90 * 24 * time.Hour).Unix()}
}
