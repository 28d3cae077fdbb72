// Package josesvc issues and verifies tokens with go-jose v4.
package josesvc

import (
	"errors"
	"time"

	jose "github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
)

// PrivateClaims are the service's own claims.
type PrivateClaims struct {
	Scopes []string `json:"scopes"`
}

// Issuer signs tokens.
type Issuer struct {
	signer jose.Signer
}

// NewIssuer builds the signer from a configured key.
func NewIssuer(key []byte) (*Issuer, error) {
	s, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.HS256, Key: key}, (&jose.SignerOptions{}).WithType("JWT"))
	if err != nil {
		return nil, err
	}
	return &Issuer{signer: s}, nil
}

// NewDevIssuer uses a short hardcoded key.
func NewDevIssuer() (*Issuer, error) {
	s, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.HS256, Key: []byte("0123456789")}, nil) // want `AV107 high: the HMAC signing key is 10 bytes`
	if err != nil {
		return nil, err
	}
	return &Issuer{signer: s}, nil
}

// Access issues a 15-minute token: safe.
func (i *Issuer) Access(sub string) (string, error) {
	cl := jwt.Claims{
		Subject:  sub,
		IssuedAt: jwt.NewNumericDate(time.Now()),
		Expiry:   jwt.NewNumericDate(time.Now().Add(15 * time.Minute)),
	}
	return jwt.Signed(i.signer).Claims(cl).Claims(PrivateClaims{Scopes: []string{"read"}}).Serialize()
}

// Forever issues a token without an expiry.
func (i *Issuer) Forever(sub string) (string, error) {
	cl := jwt.Claims{Subject: sub, IssuedAt: jwt.NewNumericDate(time.Now())}
	return jwt.Signed(i.signer).Claims(cl).Claims(PrivateClaims{Scopes: []string{"admin"}}).Serialize() // want `AV104 medium: token signed without an expiry: no claims passed to jwt.Signed`
}

// Month issues a 30-day token.
func (i *Issuer) Month(sub string) (string, error) {
	cl := jwt.Claims{
		Subject: sub,
		Expiry:  jwt.NewNumericDate(time.Now().Add(30 * 24 * time.Hour)), // want `AV105 medium: access token lifetime 720h exceeds the 24h limit`
	}
	return jwt.Signed(i.signer).Claims(cl).Serialize()
}

// Verifier verifies tokens.
type Verifier struct {
	key []byte
}

// Verify validates the claims: safe.
func (v *Verifier) Verify(raw string) (*jwt.Claims, error) {
	tok, err := jwt.ParseSigned(raw, []jose.SignatureAlgorithm{jose.HS256})
	if err != nil {
		return nil, err
	}
	var claims jwt.Claims
	if err := tok.Claims(v.key, &claims); err != nil {
		return nil, err
	}
	if err := claims.Validate(jwt.Expected{Time: time.Now()}); err != nil {
		return nil, err
	}
	return &claims, nil
}

// Subject never validates the claims it reads.
func (v *Verifier) Subject(raw string) (string, error) {
	tok, err := jwt.ParseSigned(raw, []jose.SignatureAlgorithm{jose.HS256})
	if err != nil {
		return "", err
	}
	var claims jwt.Claims
	var private PrivateClaims
	if err := tok.Claims(v.key, &claims, &private); err != nil { // want `AV106 medium: claims read with \(\*jwt.JSONWebToken\).Claims are never checked with Validate`
		return "", err
	}
	return claims.Subject, nil
}

// Lenient validates with an hour of leeway.
func (v *Verifier) Lenient(raw string) (string, error) {
	tok, err := jwt.ParseSigned(raw, []jose.SignatureAlgorithm{jose.HS256})
	if err != nil {
		return "", err
	}
	var claims jwt.Claims
	if err := tok.Claims(v.key, &claims); err != nil {
		return "", err
	}
	if err := claims.ValidateWithLeeway(jwt.Expected{Time: time.Now()}, time.Hour); err != nil { // want `AV106 medium: \(jwt.Claims\).ValidateWithLeeway allows a leeway of 1h`
		return "", err
	}
	return claims.Subject, nil
}

// Owner reads the claims without verifying.
func (v *Verifier) Owner(raw string) (string, error) {
	tok, err := jwt.ParseSigned(raw, []jose.SignatureAlgorithm{jose.HS256})
	if err != nil {
		return "", err
	}
	var claims jwt.Claims
	if err := tok.UnsafeClaimsWithoutVerification(&claims); err != nil { // want `AV102 high: \(\*jwt.JSONWebToken\).UnsafeClaimsWithoutVerification reads the claims without checking the signature`
		return "", err
	}
	if claims.Subject == "" {
		return "", errors.New("no subject")
	}
	return claims.Subject, nil
}

// Tenant reads the issuer unverified to choose the key, then verifies
// and validates: safe.
func (v *Verifier) Tenant(raw string, keys map[string][]byte) (*jwt.Claims, error) {
	tok, err := jwt.ParseSigned(raw, []jose.SignatureAlgorithm{jose.HS256})
	if err != nil {
		return nil, err
	}
	var peek jwt.Claims
	if err := tok.UnsafeClaimsWithoutVerification(&peek); err != nil {
		return nil, err
	}
	var claims jwt.Claims
	if err := tok.Claims(keys[peek.Issuer], &claims); err != nil {
		return nil, err
	}
	return &claims, claims.Validate(jwt.Expected{Issuer: peek.Issuer, Time: time.Now()})
}
