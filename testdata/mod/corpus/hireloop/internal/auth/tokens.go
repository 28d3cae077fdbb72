// Package auth issues hireloop's tokens and configures echo-jwt.
package auth

import (
	"fmt"
	"time"

	"github.com/golang-jwt/jwt/v5"
	echojwt "github.com/labstack/echo-jwt/v4"
	"github.com/labstack/echo/v4"

	"example.com/apivettest/corpus/hireloop/internal/config"
)

// RecruiterClaims are carried by recruiter API tokens.
type RecruiterClaims struct {
	OrgID string `json:"org"`
	jwt.RegisteredClaims
}

// CandidateClaims are carried by magic sign-in links.
type CandidateClaims struct {
	Email string `json:"email"`
	jwt.RegisteredClaims
}

type Tokens struct {
	recruiterKey []byte
	careersKey   []byte
}

func NewTokens(cfg *config.Config) *Tokens {
	return &Tokens{recruiterKey: cfg.JWTKey, careersKey: cfg.CareersKey}
}

// Recruiter issues a recruiter's API token.
func (t *Tokens) Recruiter(userID, orgID string) (string, error) {
	now := time.Now()
	c := RecruiterClaims{OrgID: orgID, RegisteredClaims: jwt.RegisteredClaims{
		Subject:  userID,
		IssuedAt: jwt.NewNumericDate(now),
		// eight hours
		ExpiresAt: jwt.NewNumericDate(now.Add(config.RecruiterTokenTTL)), // safe:jwt
	}}
	// HS256 with an expiry
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(t.recruiterKey) // safe:jwt
}

// MagicLink issues the token in a candidate's sign-in e-mail.
func (t *Tokens) MagicLink(candidateID, email string) (string, error) {
	now := time.Now()
	c := CandidateClaims{Email: email}
	c.Subject = candidateID
	c.IssuedAt = jwt.NewNumericDate(now)
	// seventy-two hours for a token that signs the candidate in
	c.ExpiresAt = jwt.NewNumericDate(now.Add(config.CandidateLinkTTL)) // vuln:jwt
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(t.careersKey)
}

// ParseMagicLink verifies a candidate's sign-in token.
func (t *Tokens) ParseMagicLink(raw string) (*CandidateClaims, error) {
	var c CandidateClaims
	keyfunc := func(*jwt.Token) (any, error) { return t.careersKey, nil }
	// the parser restricts the method; a 30-second leeway
	_, err := jwt.ParseWithClaims(raw, &c, keyfunc, jwt.WithValidMethods([]string{"HS256"}), jwt.WithLeeway(30*time.Second)) // safe:jwt
	if err != nil {
		return nil, fmt.Errorf("auth: magic link: %w", err)
	}
	return &c, nil
}

// RecruiterJWT is the echo middleware for the recruiter API.
func RecruiterJWT(key []byte) echo.MiddlewareFunc {
	// echo-jwt's default keyfunc checks the HS256 signing method
	return echojwt.WithConfig(echojwt.Config{ // safe:jwt
		SigningKey:    key,
		SigningMethod: echojwt.AlgorithmHS256,
		NewClaimsFunc: func(echo.Context) jwt.Claims { return new(RecruiterClaims) },
	})
}
