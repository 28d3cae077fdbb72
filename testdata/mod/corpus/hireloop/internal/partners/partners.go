// Package partners authenticates the job boards that post applications.
package partners

import (
	"crypto/rsa"
	"errors"
	"fmt"
	"time"

	"github.com/golang-jwt/jwt/v5"
	echojwt "github.com/labstack/echo-jwt/v4"
	"github.com/labstack/echo/v4"

	"example.com/apivettest/corpus/hireloop/internal/config"
)

// Verifier checks the RS256 tokens job boards send.
type Verifier struct {
	pub *rsa.PublicKey
}

func NewVerifier(pemKey string) (*Verifier, error) {
	if pemKey == "" {
		return nil, errors.New("partners: no public key")
	}
	pub, err := jwt.ParseRSAPublicKeyFromPEM([]byte(pemKey))
	if err != nil {
		return nil, fmt.Errorf("partners: %w", err)
	}
	return &Verifier{pub: pub}, nil
}

// keyfunc hands back the public key without looking at the token's method.
func (v *Verifier) keyfunc(*jwt.Token) (any, error) {
	return v.pub, nil
}

// ParseToken is echo-jwt's ParseTokenFunc for the partner API.
func (v *Verifier) ParseToken(c echo.Context, auth string) (any, error) {
	// no method check in keyfunc and no WithValidMethods
	tok, err := jwt.Parse(auth, v.keyfunc) // vuln:jwt
	if err != nil {
		return nil, err
	}
	return tok, nil
}

// Middleware is the partner API's echo-jwt middleware.
func (v *Verifier) Middleware() echo.MiddlewareFunc {
	return echojwt.WithConfig(echojwt.Config{ParseTokenFunc: v.ParseToken})
}

// callbackKey signs the status callbacks we send to job boards.
var callbackKey = []byte("hl-partner-2024!") // vuln:secrets

// CallbackToken signs a status callback for a job board.
func CallbackToken(board, applicationID string) (string, error) {
	c := jwt.RegisteredClaims{
		Audience:  jwt.ClaimStrings{board},
		Subject:   applicationID,
		ExpiresAt: jwt.NewNumericDate(time.Now().Add(config.PartnerTokenTTL)),
	}
	// a 16-byte HMAC key
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(callbackKey) // vuln:jwt
}
