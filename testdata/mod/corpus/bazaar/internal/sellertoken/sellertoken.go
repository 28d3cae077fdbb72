// Package sellertoken signs and verifies the marketplace's JOSE tokens
// (go-jose v4): seller API tokens, guest order receipts, and the payment
// provider's webhook tokens.
package sellertoken

import (
	"crypto/ecdsa"
	"errors"
	"fmt"
	"time"

	jose "github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"

	"example.com/apivettest/corpus/bazaar/internal/config"
)

var es256 = []jose.SignatureAlgorithm{jose.ES256}

// Service holds the signing key.
type Service struct {
	key    *ecdsa.PrivateKey
	signer jose.Signer
}

// New builds the service.
func New(key *ecdsa.PrivateKey) (*Service, error) {
	s, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.ES256, Key: key}, (&jose.SignerOptions{}).WithType("JWT"))
	if err != nil {
		return nil, fmt.Errorf("sellertoken: %w", err)
	}
	return &Service{key: key, signer: s}, nil
}

// Seller issues a seller's API token.
func (s *Service) Seller(sellerID string) (string, error) {
	now := time.Now()
	c := jwt.Claims{
		Subject:  sellerID,
		Issuer:   "bazaar",
		IssuedAt: jwt.NewNumericDate(now),
		// twelve hours
		Expiry: jwt.NewNumericDate(now.Add(config.SellerTokenTTL)), // safe:jwt
	}
	// the claims include an expiry
	return jwt.Signed(s.signer).Claims(c).Serialize() // safe:jwt
}

// VerifySeller checks a seller token, including its expiry.
func (s *Service) VerifySeller(raw string) (string, error) {
	// ES256 is the only algorithm accepted
	tok, err := jwt.ParseSigned(raw, es256) // safe:jwt
	if err != nil {
		return "", err
	}
	var c jwt.Claims
	// verified, then validated just below
	if err := tok.Claims(&s.key.PublicKey, &c); err != nil { // safe:jwt
		return "", err
	}
	if err := c.ValidateWithLeeway(jwt.Expected{Issuer: "bazaar", Time: time.Now()}, time.Minute); err != nil {
		return "", err
	}
	return c.Subject, nil
}

// receipt is what a guest buyer's order link carries.
type receipt struct {
	Order string `json:"order"`
	Email string `json:"email"`
}

// Receipt issues the token in a guest's "view your order" link.
func (s *Service) Receipt(orderID, email string) (string, error) {
	// no exp claim at all: the link shows the order and address forever
	return jwt.Signed(s.signer).Claims(receipt{Order: orderID, Email: email}).Serialize() // vuln:jwt
}

// VerifyReceipt checks a receipt link's signature.
func (s *Service) VerifyReceipt(raw string) (string, error) {
	tok, err := jwt.ParseSigned(raw, es256)
	if err != nil {
		return "", err
	}
	var std jwt.Claims
	var r receipt
	// the signature is checked, but std is never validated (exp, nbf)
	if err := tok.Claims(&s.key.PublicKey, &std, &r); err != nil { // vuln:jwt
		return "", err
	}
	if r.Order == "" {
		return "", errors.New("sellertoken: empty receipt")
	}
	return r.Order, nil
}

// PayoutEvent is the payout provider's webhook payload.
type PayoutEvent struct {
	PayoutID string `json:"payout_id"`
	Status   string `json:"status"`
}

// ReadPayoutEvent decodes a provider webhook token. It "will be verified
// by the gateway", which was never configured to do so.
func ReadPayoutEvent(raw string) (PayoutEvent, error) {
	tok, err := jwt.ParseSigned(raw, []jose.SignatureAlgorithm{jose.RS256, jose.ES256})
	if err != nil {
		return PayoutEvent{}, err
	}
	var ev PayoutEvent
	// claims read without checking the signature
	if err := tok.UnsafeClaimsWithoutVerification(&ev); err != nil { // vuln:jwt
		return PayoutEvent{}, err
	}
	return ev, nil
}
