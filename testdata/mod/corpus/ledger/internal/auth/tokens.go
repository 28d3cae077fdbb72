// Package auth issues and checks the ledger's tokens.
package auth

import (
	"crypto/rsa"
	"errors"
	"fmt"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"golang.org/x/crypto/bcrypt"

	"example.com/apivettest/corpus/ledger/internal/config"
	"example.com/apivettest/corpus/ledger/internal/keys"
)

// AccessClaims are the claims of an access token.
type AccessClaims struct {
	Roles []string `json:"roles"`
	jwt.RegisteredClaims
}

type refreshClaims struct {
	TokenUse string `json:"token_use"`
	jwt.RegisteredClaims
}

// Issuer signs the ledger's tokens.
type Issuer struct {
	key []byte
	now func() time.Time
}

// NewIssuer builds an Issuer; the key comes from config and is at least 32 bytes.
func NewIssuer(key []byte) *Issuer {
	return &Issuer{key: key, now: time.Now}
}

// Access mints a short-lived access token.
func (i *Issuer) Access(userID string, roles []string) (string, error) {
	now := i.now()
	claims := AccessClaims{
		Roles: roles,
		RegisteredClaims: jwt.RegisteredClaims{
			Issuer:   "ledger",
			Subject:  userID,
			IssuedAt: jwt.NewNumericDate(now),
			// fifteen minutes, from the config package
			ExpiresAt: jwt.NewNumericDate(now.Add(config.AccessTokenTTL)), // safe:jwt
		},
	}
	// the claims above carry an expiry
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, claims) // safe:jwt
	// the key is loaded from the environment and checked for length
	return tok.SignedString(i.key) // safe:jwt
}

// Refresh mints a refresh token; it is rotated on every use.
func (i *Issuer) Refresh(userID, jti string) (string, error) {
	now := i.now()
	rc := refreshClaims{
		// a token-type marker, not a token
		TokenUse: "refresh", // safe:secrets
		RegisteredClaims: jwt.RegisteredClaims{
			Issuer:  "ledger",
			Subject: userID,
			ID:      jti,
			// fourteen days is within the refresh-token limit
			ExpiresAt: jwt.NewNumericDate(now.Add(config.RefreshTokenTTL)), // safe:jwt
		},
	}
	// the refresh claims carry an expiry
	return jwt.NewWithClaims(jwt.SigningMethodHS256, rc).SignedString(i.key) // safe:jwt
}

// ParseAccess verifies an access token. The keyfunc does not check the
// method, but the shared parser options restrict it to HS256.
func (i *Issuer) ParseAccess(raw string) (*AccessClaims, error) {
	var c AccessClaims
	// the keyfunc skips the method check, but keys.ParserOptions has WithValidMethods
	_, err := jwt.ParseWithClaims(raw, &c, keys.HMAC(i.key), keys.ParserOptions...) // safe:jwt
	if err != nil {
		return nil, err
	}
	return &c, nil
}

// ParseRefresh verifies a refresh token.
func (i *Issuer) ParseRefresh(raw string) (string, string, error) {
	var rc refreshClaims
	// the keyfunc checks the HMAC method
	tok, err := jwt.ParseWithClaims(raw, &rc, func(t *jwt.Token) (interface{}, error) { // safe:jwt
		if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
			return nil, fmt.Errorf("unexpected signing method %v", t.Header["alg"])
		}
		return i.key, nil
	})
	if err != nil || !tok.Valid {
		return "", "", errors.New("invalid refresh token")
	}
	// compares a claim with a constant
	if rc.TokenUse != "refresh" { // safe:secrets
		return "", "", errors.New("not a refresh token")
	}
	return rc.Subject, rc.ID, nil
}

// ServiceToken is what the ledger sends to the notifier service.
func ServiceToken(key []byte) (string, error) {
	// no "exp" claim: once leaked this token works forever
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{ // vuln:jwt
		"iss":   "ledger",
		"aud":   "notify",
		"scope": "notify:send",
	})
	return tok.SignedString(key)
}

// PartnerVerifier checks tokens that partner banks sign with their RSA keys.
type PartnerVerifier struct {
	Keys map[string]*rsa.PublicKey
}

// Verify picks the partner key by kid and verifies the token with it.
func (v *PartnerVerifier) Verify(raw string) (*jwt.RegisteredClaims, error) {
	// only the kid header is read, to choose the key for the verified parse below
	unverified, _, err := jwt.NewParser().ParseUnverified(raw, &jwt.RegisteredClaims{}) // safe:jwt
	if err != nil {
		return nil, err
	}
	kid, _ := unverified.Header["kid"].(string)
	pub, ok := v.Keys[kid]
	if !ok {
		return nil, fmt.Errorf("unknown partner key %q", kid)
	}
	var c jwt.RegisteredClaims
	// keys.Static never checks token.Method and no WithValidMethods is passed
	if _, err := jwt.ParseWithClaims(raw, &c, keys.Static(pub)); err != nil { // vuln:jwt
		return nil, err
	}
	return &c, nil
}

// HashPassword hashes a new password with the configured bcrypt cost (12).
func HashPassword(pw string) ([]byte, error) {
	// bcrypt with cost 12
	return bcrypt.GenerateFromPassword([]byte(pw), config.BcryptCost) // safe:crypto
}
