// Package authsvc issues and verifies rpcd's tokens (golang-jwt v5).
package authsvc

import (
	"errors"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"example.com/apivettest/corpus/rpcd/internal/config"
	"example.com/apivettest/corpus/rpcd/internal/keyring"
)

// the cron jobs' signing key, short and written into the source
var cronKey = []byte("rpcd-cron") // vuln:secrets

// Service issues tokens.
type Service struct {
	ring   *keyring.Ring
	parser *jwt.Parser
}

// workerParser tolerates the workers' clock drift.
var workerParser = jwt.NewParser(jwt.WithValidMethods([]string{"EdDSA"}), jwt.WithLeeway(config.ClockSkew))

// New builds the service.
func New(ring *keyring.Ring) *Service {
	return &Service{ring: ring, parser: jwt.NewParser(jwt.WithValidMethods([]string{"HS256"}), jwt.WithLeeway(30*time.Second))}
}

// AccessClaims are an access token's claims.
type AccessClaims struct {
	jwt.RegisteredClaims
	Scopes []string `json:"scp"`
}

// RefreshClaims mark refresh tokens.
type RefreshClaims struct {
	jwt.RegisteredClaims
	Kind string `json:"kind"`
}

// Access issues an access token.
func (s *Service) Access(user string, scopes []string) (string, error) {
	now := time.Now()
	c := AccessClaims{RegisteredClaims: jwt.RegisteredClaims{
		Subject: user,
		// one hour
		ExpiresAt: jwt.NewNumericDate(now.Add(config.AccessTTL)), // safe:jwt
	}, Scopes: scopes}
	// the key is the configured secret
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(s.ring.Secret) // safe:jwt
}

// MobileRefresh issues the mobile app's refresh token.
func (s *Service) MobileRefresh(user string) (string, error) {
	now := time.Now()
	c := RefreshClaims{RegisteredClaims: jwt.RegisteredClaims{
		Subject: user,
		// sixty days for a refresh token, over the 30-day limit
		ExpiresAt: jwt.NewNumericDate(now.Add(config.RefreshTTL)), // vuln:jwt
	}, Kind: "refresh"}
	// the claims carry an expiry; its length is judged on the line that sets it
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(s.ring.Secret) // safe:jwt
}

// WebRefresh issues the browser's refresh token.
func (s *Service) WebRefresh(user string) (string, error) {
	now := time.Now()
	c := RefreshClaims{RegisteredClaims: jwt.RegisteredClaims{
		Subject: user,
		// thirty days: at the refresh limit, not over it
		ExpiresAt: jwt.NewNumericDate(now.Add(config.WebRefreshTTL)), // safe:jwt
	}, Kind: "refresh"}
	// the claims carry an expiry; its length is judged on the line that sets it
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(s.ring.Secret) // safe:jwt
}

// Cron issues the five-minute token the cron jobs call the API with.
func Cron(job string) (string, error) {
	c := jwt.RegisteredClaims{Subject: "cron:" + job, ExpiresAt: jwt.NewNumericDate(time.Now().Add(5 * time.Minute))}
	// signed with the 9-byte key above
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(cronKey) // vuln:jwt
}

// Verify checks an access token.
func (s *Service) Verify(raw string) (*AccessClaims, error) {
	var c AccessClaims
	// methods pinned, 30 seconds of leeway
	if _, err := s.parser.ParseWithClaims(raw, &c, s.ring.HMAC); err != nil { // safe:jwt
		return nil, err
	}
	return &c, nil
}

// VerifyRefresh checks a refresh token with the package-level helper.
func (s *Service) VerifyRefresh(raw string) (*RefreshClaims, error) {
	var c RefreshClaims
	// the keyring's HMAC keyfunc checks the method
	if _, err := jwt.ParseWithClaims(raw, &c, s.ring.HMAC); err != nil { // safe:jwt
		return nil, err
	}
	if c.Kind != "refresh" {
		return nil, errors.New("authsvc: not a refresh token")
	}
	return &c, nil
}

// VerifyWorker checks a batch worker's token.
func (s *Service) VerifyWorker(raw string) (string, error) {
	var c jwt.RegisteredClaims
	// the shared parser allows fifteen minutes of leeway (config.ClockSkew)
	if _, err := workerParser.ParseWithClaims(raw, &c, s.ring.Worker); err != nil { // vuln:jwt
		return "", err
	}
	return c.Subject, nil
}

// VerifyWorkerLegacy is the v1 worker check, still used by the report job.
func (s *Service) VerifyWorkerLegacy(raw string) (string, error) {
	// keyring.Worker ignores the alg header and no WithValidMethods is given
	tok, err := jwt.Parse(raw, s.ring.Worker) // vuln:jwt
	if err != nil {
		return "", err
	}
	return tok.Claims.GetSubject()
}
