// Package jose3svc uses go-jose v3 and the old square/go-jose.v2.
package jose3svc

import (
	"time"

	jose "github.com/go-jose/go-jose/v3"
	"github.com/go-jose/go-jose/v3/jwt"
	squarejwt "gopkg.in/square/go-jose.v2/jwt"
)

// Sign issues a token without an expiry.
func Sign(sig jose.Signer, sub string) (string, error) {
	return jwt.Signed(sig).Claims(map[string]interface{}{"sub": sub}).CompactSerialize() // want `AV104 medium: token signed without an expiry`
}

// SignShort issues a 10-minute token: safe.
func SignShort(sig jose.Signer, sub string) (string, error) {
	return jwt.Signed(sig).Claims(map[string]interface{}{
		"sub": sub,
		"exp": time.Now().Add(10 * time.Minute).Unix(),
	}).CompactSerialize()
}

// Claims returns the verified claims to a caller that validates them.
func Claims(raw string, key []byte) (*squarejwt.Claims, error) {
	tok, err := squarejwt.ParseSigned(raw)
	if err != nil {
		return nil, err
	}
	out := &squarejwt.Claims{}
	if err := tok.Claims(key, out); err != nil {
		return nil, err
	}
	return out, nil
}

// Check is that caller: the package validates, so Claims is safe.
func Check(raw string, key []byte) error {
	c, err := Claims(raw, key)
	if err != nil {
		return err
	}
	return c.Validate(squarejwt.Expected{Time: time.Now()})
}

// Device returns checked-signature claims that nobody validates.
func Device(raw string, key []byte) (*squarejwt.Claims, error) {
	tok, err := squarejwt.ParseSigned(raw)
	if err != nil {
		return nil, err
	}
	out := &squarejwt.Claims{}
	if err := tok.Claims(key, out); err != nil { // want `AV106 medium: claims read with \(\*jwt.JSONWebToken\).Claims are never checked with Validate`
		return nil, err
	}
	return out, nil
}

// Kiosk returns the address of claims nobody validates.
func Kiosk(raw string, key []byte) (*squarejwt.Claims, error) {
	tok, err := squarejwt.ParseSigned(raw)
	if err != nil {
		return nil, err
	}
	var c squarejwt.Claims
	if err := tok.Claims(key, &c); err != nil { // want `AV106 medium: claims read with \(\*jwt.JSONWebToken\).Claims are never checked with Validate`
		return nil, err
	}
	return &c, nil
}
