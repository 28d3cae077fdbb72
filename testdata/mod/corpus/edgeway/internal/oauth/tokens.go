// Package oauth is the gateway's token service: it issues short access
// tokens and verifies the tokens clients and partners present (jwx v2).
package oauth

import (
	"errors"
	"fmt"
	"time"

	"github.com/lestrrat-go/jwx/v2/jwa"
	"github.com/lestrrat-go/jwx/v2/jwk"
	"github.com/lestrrat-go/jwx/v2/jws"
	"github.com/lestrrat-go/jwx/v2/jwt"
)

// an error message that mentions a token
var errBadToken = errors.New("oauth: invalid bearer token") // safe:secrets

// Tokens signs and verifies.
type Tokens struct {
	Issuer  string
	Signing jwk.Key
	Keys    jwk.Set
	Partner jwk.Set
}

// Access issues a five-minute client-credentials token.
func (t *Tokens) Access(clientID string, scopes []string) ([]byte, error) {
	now := time.Now()
	// five minutes
	tok, err := jwt.NewBuilder().Issuer(t.Issuer).Subject(clientID).Claim("scope", scopes).IssuedAt(now).Expiration(now.Add(5 * time.Minute)).Build() // safe:jwt
	if err != nil {
		return nil, err
	}
	return jwt.Sign(tok, jwt.WithKey(jwa.RS256, t.Signing))
}

// Loopback issues the identity assertion the gateway attaches to requests
// it forwards to in-cluster services. "The network is trusted", so it is
// not signed.
func (t *Tokens) Loopback(subject string) ([]byte, error) {
	now := time.Now()
	tok, err := jwt.NewBuilder().Issuer(t.Issuer).Subject(subject).Expiration(now.Add(time.Minute)).Build()
	if err != nil {
		return nil, err
	}
	// alg "none"
	return jwt.Sign(tok, jwt.WithInsecureNoSignature()) // vuln:jwt
}

// Verify checks a client's bearer token against the gateway's key set.
func (t *Tokens) Verify(raw string) (jwt.Token, error) {
	// key set given; 30 seconds of clock skew
	tok, err := jwt.ParseString(raw, jwt.WithKeySet(t.Keys), jwt.WithIssuer(t.Issuer), jwt.WithAcceptableSkew(30*time.Second)) // safe:jwt
	if err != nil {
		return nil, errors.Join(errBadToken, err)
	}
	return tok, nil
}

// VerifyPartner checks a partner's token. Partner clocks drift, so a skew
// of two hours is accepted.
func (t *Tokens) VerifyPartner(raw string) (jwt.Token, error) {
	// a two-hour leeway on exp/nbf
	return jwt.ParseString(raw, jwt.WithKeySet(t.Partner), jwt.WithAcceptableSkew(2*time.Hour)) // vuln:jwt
}

// Route picks the upstream for a token by its kid, before verification.
func Route(raw string) (string, error) {
	// only the protected header is read, to pick the key set; Verify does the rest
	msg, err := jws.Parse([]byte(raw)) // safe:jwt
	if err != nil {
		return "", err
	}
	sigs := msg.Signatures()
	if len(sigs) == 0 {
		return "", errors.New("oauth: no signature")
	}
	return sigs[0].ProtectedHeaders().KeyID(), nil
}

// Subject reads the subject of a forwarded token for the access log and
// the X-User header, without verifying it.
func Subject(raw string) (string, error) {
	// ParseInsecure: the signature is never checked, and the subject is
	// forwarded to the upstream as X-User
	tok, err := jwt.ParseInsecure([]byte(raw)) // vuln:jwt
	if err != nil {
		return "", fmt.Errorf("oauth: %w", err)
	}
	return tok.Subject(), nil
}

// Claims decodes a token for the debug endpoint.
func Claims(raw string) (map[string]any, error) {
	// verification switched off
	tok, err := jwt.ParseString(raw, jwt.WithVerify(false)) // vuln:jwt
	if err != nil {
		return nil, err
	}
	return tok.AsMap(nil)
}
