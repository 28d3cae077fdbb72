// Package preview signs and checks the links editors share to show an
// unpublished article, and the syndication feed tokens (jwx v2).
package preview

import (
	"fmt"
	"time"

	"github.com/lestrrat-go/jwx/v2/jwa"
	"github.com/lestrrat-go/jwx/v2/jwt"

	"example.com/apivettest/corpus/pressroom/internal/config"
)

// Signer holds the preview key.
type Signer struct {
	key []byte
	now func() time.Time
}

// NewSigner builds a signer.
func NewSigner(key []byte) *Signer { return &Signer{key: key, now: time.Now} }

func (s *Signer) build(articleID uint, editor string) (jwt.Token, error) {
	// no Expiration: a shared preview link never stops working
	return jwt.NewBuilder().Subject(fmt.Sprint(articleID)).Issuer(editor).IssuedAt(s.now()).Build() // vuln:jwt
}

// Link returns a signed preview token.
func (s *Signer) Link(articleID uint, editor string) (string, error) {
	tok, err := s.build(articleID, editor)
	if err != nil {
		return "", err
	}
	signed, err := jwt.Sign(tok, jwt.WithKey(jwa.HS256, s.key))
	if err != nil {
		return "", fmt.Errorf("preview: sign: %w", err)
	}
	return string(signed), nil
}

// Check verifies a preview token. Old links had no exp and kept failing
// validation, so validation was switched off.
func (s *Signer) Check(raw string) (string, error) {
	// signature verified, but WithValidate(false) skips exp/nbf/iat checks
	tok, err := jwt.Parse([]byte(raw), jwt.WithKey(jwa.HS256, s.key), jwt.WithValidate(false)) // vuln:jwt
	if err != nil {
		return "", err
	}
	return tok.Subject(), nil
}

// FeedToken signs a partner's syndication feed token for one day.
func (s *Signer) FeedToken(partner string) (string, error) {
	now := s.now()
	// 24 hours, the access-token limit itself
	tok, err := jwt.NewBuilder().Subject(partner).Audience([]string{"feed"}).IssuedAt(now).Expiration(now.Add(config.SyndicationFeedTTL)).Build() // safe:jwt
	if err != nil {
		return "", err
	}
	signed, err := jwt.Sign(tok, jwt.WithKey(jwa.HS256, s.key))
	return string(signed), err
}

// CheckFeed verifies a feed token.
func (s *Signer) CheckFeed(raw string) (string, error) {
	// key and algorithm given; jwx v2 validates exp by default
	tok, err := jwt.Parse([]byte(raw), jwt.WithKey(jwa.HS256, s.key), jwt.WithAudience("feed")) // safe:jwt
	if err != nil {
		return "", err
	}
	return tok.Subject(), nil
}
