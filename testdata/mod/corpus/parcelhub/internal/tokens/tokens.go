// Package tokens issues and checks parcelhub's JWTs with lestrrat-go/jwx.
package tokens

import (
	"fmt"
	"time"

	"github.com/lestrrat-go/jwx/v2/jwa"
	"github.com/lestrrat-go/jwx/v2/jwt"

	"example.com/apivettest/corpus/parcelhub/internal/config"
)

// Service holds the signing keys.
type Service struct {
	consoleKey []byte
	driverKey  []byte
	issuer     string
}

func New(cfg config.AuthConfig) *Service {
	return &Service{consoleKey: cfg.ConsoleKey, driverKey: cfg.DriverKey, issuer: cfg.Issuer}
}

// Console issues a token for the merchant console.
func (s *Service) Console(userID, merchantID string) (string, error) {
	now := time.Now()
	b := jwt.NewBuilder().Issuer(s.issuer).Subject(userID).Claim("mid", merchantID).IssuedAt(now)
	// thirty minutes from the config package
	b.Expiration(now.Add(config.ConsoleTokenTTL)) // safe:jwt
	// the builder has an expiry
	tok, err := b.Build() // safe:jwt
	if err != nil {
		return "", fmt.Errorf("tokens: build console token: %w", err)
	}
	// HS256 with the console key
	signed, err := jwt.Sign(tok, jwt.WithKey(jwa.HS256, s.consoleKey)) // safe:jwt
	return string(signed), err
}

// Driver issues the driver app's access token (there is no refresh token).
func (s *Service) Driver(driverID, depot string) (string, error) {
	now := time.Now()
	b := jwt.NewBuilder().Issuer(s.issuer).Subject(driverID).Claim("depot", depot).IssuedAt(now)
	// a seven-day access token, the constant lives in the config package
	b = b.Expiration(now.Add(config.DriverTokenTTL)) // vuln:jwt
	tok, err := b.Build()
	if err != nil {
		return "", err
	}
	signed, err := jwt.Sign(tok, jwt.WithKey(jwa.HS256, s.driverKey))
	return string(signed), err
}

// TrackingGrant lets a partner shop fetch the status of one shipment.
func (s *Service) TrackingGrant(shipmentID, partner string) (string, error) {
	// no Expiration on the builder: the grant never expires
	tok, err := jwt.NewBuilder().Issuer(s.issuer).Subject(shipmentID).Audience([]string{partner}).Build() // vuln:jwt
	if err != nil {
		return "", err
	}
	signed, err := jwt.Sign(tok, jwt.WithKey(jwa.HS256, s.consoleKey))
	return string(signed), err
}

// VerifyConsole checks a console token.
func (s *Service) VerifyConsole(raw string) (jwt.Token, error) {
	// key, algorithm and issuer are checked; validation is on by default
	return jwt.ParseString(raw, jwt.WithKey(jwa.HS256, s.consoleKey), jwt.WithIssuer(s.issuer), jwt.WithAcceptableSkew(30*time.Second)) // safe:jwt
}

func (s *Service) driverOptions() []jwt.ParseOption {
	return []jwt.ParseOption{
		jwt.WithKey(jwa.HS256, s.driverKey),
		jwt.WithIssuer(s.issuer),
		// drivers' phones have bad clocks
		jwt.WithAcceptableSkew(2 * time.Hour),
	}
}

// VerifyDriver checks a driver token.
func (s *Service) VerifyDriver(raw string) (jwt.Token, error) {
	// the options from driverOptions accept tokens two hours past their expiry
	return jwt.ParseString(raw, s.driverOptions()...) // vuln:jwt
}

// PeekCarrierEvent reads the carrier's signed event without checking the signature.
func PeekCarrierEvent(body []byte) (jwt.Token, error) {
	// signature verification switched off
	return jwt.Parse(body, jwt.WithVerify(false)) // vuln:jwt
}
