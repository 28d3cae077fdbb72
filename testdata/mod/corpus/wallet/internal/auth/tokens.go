// Package auth issues and verifies the wallet's JWTs.
package auth

import (
	"errors"
	"fmt"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"example.com/apivettest/corpus/wallet/internal/config"
	"example.com/apivettest/corpus/wallet/internal/keys"
)

// ErrInvalidToken is returned for any token that does not verify.
var ErrInvalidToken = errors.New("invalid token")

// AccessClaims are carried by the short-lived access token.
type AccessClaims struct {
	Scope string `json:"scope"`
	jwt.RegisteredClaims
}

// RefreshClaims are carried by the refresh token.
type RefreshClaims struct {
	TokenType string `json:"typ"`
	Family    string `json:"fam"`
	jwt.RegisteredClaims
}

// Issuer signs and parses tokens.
type Issuer struct {
	key []byte
	iss string
	now func() time.Time
}

// NewIssuer builds an Issuer from the auth configuration.
func NewIssuer(cfg config.AuthConfig) *Issuer {
	return &Issuer{key: cfg.SigningKey, iss: cfg.Issuer, now: time.Now}
}

// Access issues an access token for a user.
func (i *Issuer) Access(userID, scope string) (string, error) {
	now := i.now()
	claims := AccessClaims{
		Scope: scope,
		RegisteredClaims: jwt.RegisteredClaims{
			Issuer:   i.iss,
			Subject:  userID,
			IssuedAt: jwt.NewNumericDate(now),
			// fifteen minutes, from the config package
			ExpiresAt: jwt.NewNumericDate(now.Add(config.AccessTokenTTL)), // safe:jwt
		},
	}
	// HS256 with an expiry set above
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(i.key) // safe:jwt
}

// Refresh issues a refresh token in a rotation family.
func (i *Issuer) Refresh(userID, family string) (string, error) {
	now := i.now()
	rc := RefreshClaims{TokenType: "refresh", Family: family}
	rc.Subject = userID
	rc.Issuer = i.iss
	// fourteen days for a refresh token is within the 30-day limit
	rc.ExpiresAt = jwt.NewNumericDate(now.Add(config.RefreshTokenTTL)) // safe:jwt
	// the expiry is assigned on the embedded claims above
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, rc) // safe:jwt
	return tok.SignedString(i.key)
}

// StatementLink signs a download link for a monthly statement.
func (i *Issuer) StatementLink(accountID, month string) (string, error) {
	claims := jwt.RegisteredClaims{
		Issuer:   i.iss,
		Subject:  accountID,
		ID:       month,
		IssuedAt: jwt.NewNumericDate(i.now()),
	}
	// no ExpiresAt: a forwarded statement link works forever
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, claims) // vuln:jwt
	return tok.SignedString(i.key)
}

// ParseAccess verifies an access token.
func (i *Issuer) ParseAccess(raw string) (*AccessClaims, error) {
	var c AccessClaims
	// the keyfunc in package keys checks the HMAC method
	_, err := jwt.ParseWithClaims(raw, &c, keys.HMAC(i.key), jwt.WithIssuer(i.iss)) // safe:jwt
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalidToken, err)
	}
	return &c, nil
}

// refreshParser restricts the methods, so the static keyfunc is fine.
var refreshParser = jwt.NewParser(jwt.WithValidMethods([]string{"HS256"}), jwt.WithExpirationRequired())

// ParseRefresh verifies a refresh token.
func (i *Issuer) ParseRefresh(raw string) (*RefreshClaims, error) {
	var c RefreshClaims
	// the parser (declared above) only accepts HS256
	if _, err := refreshParser.ParseWithClaims(raw, &c, keys.Static(i.key)); err != nil { // safe:jwt
		return nil, fmt.Errorf("%w: %w", ErrInvalidToken, err)
	}
	if c.TokenType != "refresh" {
		return nil, ErrInvalidToken
	}
	return &c, nil
}

// ParseStatementLink verifies a statement link.
func (i *Issuer) ParseStatementLink(raw string) (*jwt.RegisteredClaims, error) {
	var c jwt.RegisteredClaims
	// keys.Static never looks at the method and no WithValidMethods is given
	if _, err := jwt.ParseWithClaims(raw, &c, keys.Static(i.key)); err != nil { // vuln:jwt
		return nil, fmt.Errorf("%w: %w", ErrInvalidToken, err)
	}
	return &c, nil
}
