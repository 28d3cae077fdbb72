// Package tokens issues and verifies notifier tokens with go-jose.
package tokens

import (
	"fmt"
	"time"

	"github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
)

var algs = []jose.SignatureAlgorithm{jose.HS256}

// Service signs and verifies with one HMAC key.
type Service struct {
	key    []byte
	signer jose.Signer
}

// New builds the service.
func New(key []byte) (*Service, error) {
	s, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.HS256, Key: key}, (&jose.SignerOptions{}).WithType("JWT"))
	if err != nil {
		return nil, err
	}
	return &Service{key: key, signer: s}, nil
}

// Tenant claims carry the tenant a caller acts for.
type Tenant struct {
	Tenant string `json:"tenant"`
}

// Access signs a five-minute token for a tenant's backend.
func (s *Service) Access(tenant string) (string, error) {
	now := time.Now()
	cl := jwt.Claims{Issuer: "notify", Subject: tenant, IssuedAt: jwt.NewNumericDate(now), Expiry: jwt.NewNumericDate(now.Add(5 * time.Minute))}
	// the claims carry an expiry
	return jwt.Signed(s.signer).Claims(cl).Claims(Tenant{Tenant: tenant}).Serialize() // safe:jwt
}

// Unsubscribe signs the token embedded in unsubscribe links.
func (s *Service) Unsubscribe(email string) (string, error) {
	cl := jwt.Claims{Issuer: "notify", Subject: email}
	// no Expiry: every unsubscribe link ever mailed stays valid
	return jwt.Signed(s.signer).Claims(cl).Serialize() // vuln:jwt
}

// Verify checks an access token and its claims.
func (s *Service) Verify(raw string) (*Tenant, error) {
	tok, err := jwt.ParseSigned(raw, algs)
	if err != nil {
		return nil, err
	}
	var cl jwt.Claims
	var t Tenant
	// followed by Validate below
	if err := tok.Claims(s.key, &cl, &t); err != nil { // safe:jwt
		return nil, err
	}
	if err := cl.Validate(jwt.Expected{Issuer: "notify", Time: time.Now()}); err != nil {
		return nil, err
	}
	return &t, nil
}

// VerifyUnsubscribe returns the address of an unsubscribe token.
func (s *Service) VerifyUnsubscribe(raw string) (string, error) {
	tok, err := jwt.ParseSigned(raw, algs)
	if err != nil {
		return "", err
	}
	var cl jwt.Claims
	// the signature is checked, but no Validate call ever looks at exp
	if err := tok.Claims(s.key, &cl); err != nil { // vuln:jwt
		return "", err
	}
	return cl.Subject, nil
}

// VerifyBatch checks tokens of long-running batch jobs.
func (s *Service) VerifyBatch(raw string) (*Tenant, error) {
	tok, err := jwt.ParseSigned(raw, algs)
	if err != nil {
		return nil, err
	}
	var cl jwt.Claims
	var t Tenant
	if err := tok.Claims(s.key, &cl, &t); err != nil {
		return nil, err
	}
	// an hour of leeway on exp and nbf
	if err := cl.ValidateWithLeeway(jwt.Expected{Issuer: "notify", Time: time.Now()}, time.Hour); err != nil { // vuln:jwt
		return nil, err
	}
	return &t, nil
}

// VerifyWebhookJWT checks a provider's callback token with a little skew.
func (s *Service) VerifyWebhookJWT(raw string) error {
	tok, err := jwt.ParseSigned(raw, algs)
	if err != nil {
		return err
	}
	var cl jwt.Claims
	if err := tok.Claims(s.key, &cl); err != nil {
		return err
	}
	// thirty seconds of clock skew
	return cl.ValidateWithLeeway(jwt.Expected{Issuer: "provider", Time: time.Now()}, 30*time.Second) // safe:jwt
}

// TenantHint reads the tenant to pick a database shard, and trusts it.
func TenantHint(raw string) (string, error) {
	tok, err := jwt.ParseSigned(raw, algs)
	if err != nil {
		return "", err
	}
	var t Tenant
	// no signature check before the tenant is used
	if err := tok.UnsafeClaimsWithoutVerification(&t); err != nil { // vuln:jwt
		return "", err
	}
	if t.Tenant == "" {
		return "", fmt.Errorf("no tenant")
	}
	return t.Tenant, nil
}
