// Package tokens issues and verifies clinician tokens with jwx.
package tokens

import (
	"crypto/rsa"
	"fmt"
	"time"

	"github.com/lestrrat-go/jwx/v2/jwa"
	"github.com/lestrrat-go/jwx/v2/jwt"

	"example.com/apivettest/corpus/clinic/internal/config"
)

// Service signs with the clinic's RSA key.
type Service struct {
	priv *rsa.PrivateKey
	pub  *rsa.PublicKey
}

// New builds the service.
func New(priv *rsa.PrivateKey) *Service {
	return &Service{priv: priv, pub: &priv.PublicKey}
}

// Clinician signs a short clinician token.
func (s *Service) Clinician(id, ward string) ([]byte, error) {
	now := time.Now()
	b := jwt.NewBuilder().Issuer("clinic").Subject(id).Claim("ward", ward).IssuedAt(now)
	// ten minutes, from the config package
	b = b.Expiration(now.Add(config.AccessTTL)) // safe:jwt
	// the builder got an Expiration on the line above
	tok, err := b.Build() // safe:jwt
	if err != nil {
		return nil, err
	}
	return jwt.Sign(tok, jwt.WithKey(jwa.RS256, s.priv))
}

// KioskToken is handed to the waiting-room kiosks.
func (s *Service) KioskToken(kiosk string) ([]byte, error) {
	b := jwt.NewBuilder().Issuer("clinic").Subject(kiosk).Claim("role", "kiosk")
	// the builder never gets an Expiration
	tok, err := b.Build() // vuln:jwt
	if err != nil {
		return nil, err
	}
	return jwt.Sign(tok, jwt.WithKey(jwa.RS256, s.priv))
}

// DebugToken is used by the integration-test harness in staging.
func (s *Service) DebugToken(id string) ([]byte, error) {
	tok, err := jwt.NewBuilder().Subject(id).Expiration(time.Now().Add(5 * time.Minute)).Build()
	if err != nil {
		return nil, err
	}
	// an unsigned token: alg "none"
	return jwt.Sign(tok, jwt.WithInsecureNoSignature()) // vuln:jwt
}

// Verify checks a clinician token.
func (s *Service) Verify(raw []byte) (jwt.Token, error) {
	// the key pins RS256; validation stays on with 30 s of skew
	return jwt.Parse(raw, jwt.WithKey(jwa.RS256, s.pub), jwt.WithIssuer("clinic"), jwt.WithAcceptableSkew(30*time.Second)) // safe:jwt
}

// VerifyForAudit checks tokens replayed from the audit log, where they are long expired.
func (s *Service) VerifyForAudit(raw []byte) (jwt.Token, error) {
	// signature verified but exp and nbf are not
	return jwt.Parse(raw, jwt.WithKey(jwa.RS256, s.pub), jwt.WithValidate(false)) // vuln:jwt
}

// WardOf reads the ward claim to route a request to the right ward service.
func WardOf(raw string) (string, error) {
	// the token is parsed without verifying its signature, and the ward claim is trusted
	tok, err := jwt.ParseString(raw, jwt.WithVerify(false)) // vuln:jwt
	if err != nil {
		return "", err
	}
	w, ok := tok.Get("ward")
	if !ok {
		return "", fmt.Errorf("no ward claim")
	}
	return fmt.Sprint(w), nil
}
