// Package impersonate lets support staff act as a tenant admin, and
// verifies the tokens partner systems send to the console.
package impersonate

import (
	"crypto/ed25519"
	"errors"
	"fmt"

	"github.com/golang-jwt/jwt/v5"
)

// Claims identify the impersonated admin and the staff member.
type Claims struct {
	jwt.RegisteredClaims
	Staff  string `json:"staff"`
	Tenant string `json:"tenant"`
}

// Issuer signs impersonation tokens.
type Issuer struct {
	Key []byte
}

// Start issues an impersonation token. Support sessions are closed by hand
// in the admin tool, so no expiry was added.
func (i Issuer) Start(staff, tenant, admin string) (string, error) {
	c := Claims{
		RegisteredClaims: jwt.RegisteredClaims{Subject: admin, Issuer: "tenantly-support"},
		Staff:            staff,
		Tenant:           tenant,
	}
	// RegisteredClaims without ExpiresAt
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(i.Key) // vuln:jwt
}

// Check verifies an impersonation token. Claims validation is off because
// the tokens carry no exp anyway.
func (i Issuer) Check(raw string) (*Claims, error) {
	var c Claims
	kf := func(t *jwt.Token) (any, error) {
		if t.Method != jwt.SigningMethodHS256 {
			return nil, errors.New("impersonate: unexpected method")
		}
		return i.Key, nil
	}
	// WithoutClaimsValidation: exp, nbf and iat are never checked
	if _, err := jwt.ParseWithClaims(raw, &c, kf, jwt.WithoutClaimsValidation()); err != nil { // vuln:jwt
		return nil, fmt.Errorf("impersonate: %w", err)
	}
	return &c, nil
}

// PartnerKeys maps partner key ids to Ed25519 keys.
type PartnerKeys map[string]ed25519.PublicKey

// VerifyPartner checks a partner's signed request. The kid is read from the
// unverified header only to pick the key.
func VerifyPartner(raw string, keys PartnerKeys) (jwt.MapClaims, error) {
	// only the header is read here; the claims come from the verified parse below
	unverified, _, err := jwt.NewParser().ParseUnverified(raw, jwt.MapClaims{}) // safe:jwt
	if err != nil {
		return nil, err
	}
	kid, _ := unverified.Header["kid"].(string)
	key, ok := keys[kid]
	if !ok {
		return nil, errors.New("impersonate: unknown partner key")
	}
	claims := jwt.MapClaims{}
	// EdDSA pinned by WithValidMethods
	_, err = jwt.ParseWithClaims(raw, claims, func(*jwt.Token) (any, error) { return key, nil }, jwt.WithValidMethods([]string{"EdDSA"})) // safe:jwt
	if err != nil {
		return nil, err
	}
	return claims, nil
}
