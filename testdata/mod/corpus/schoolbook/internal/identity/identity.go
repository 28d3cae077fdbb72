// Package identity issues and verifies schoolbook's JWTs with go-jose v4.
package identity

import (
	"crypto/rand"
	"crypto/rsa"
	"errors"
	"fmt"
	"time"

	jose "github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"

	"example.com/apivettest/corpus/schoolbook/internal/config"
)

type StaffClaims struct {
	jwt.Claims
	Role   string `json:"role"`
	School string `json:"school"`
}

// Authority holds the signing key.
type Authority struct {
	key    *rsa.PrivateKey
	signer jose.Signer
}

// New creates an Authority with a fresh RSA key.
func New() (*Authority, error) {
	// 2048-bit RSA
	key, err := rsa.GenerateKey(rand.Reader, 2048) // safe:crypto
	if err != nil {
		return nil, err
	}
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.RS256, Key: key}, (&jose.SignerOptions{}).WithType("JWT"))
	if err != nil {
		return nil, fmt.Errorf("identity: signer: %w", err)
	}
	return &Authority{key: key, signer: signer}, nil
}

var algs = []jose.SignatureAlgorithm{jose.RS256}

// Staff issues a teacher's or administrator's token.
func (a *Authority) Staff(userID, role, school string) (string, error) {
	now := time.Now()
	c := StaffClaims{Role: role, School: school}
	c.Issuer = config.Issuer
	c.Subject = userID
	c.IssuedAt = jwt.NewNumericDate(now)
	// eight hours
	c.Expiry = jwt.NewNumericDate(now.Add(config.StaffTokenTTL)) // safe:jwt
	// signed RS256 with an expiry
	return jwt.Signed(a.signer).Claims(c).Serialize() // safe:jwt
}

// Substitute issues the token a substitute teacher uses.
func (a *Authority) Substitute(userID, school string) (string, error) {
	now := time.Now()
	c := StaffClaims{Role: "substitute", School: school, Claims: jwt.Claims{
		Issuer:  config.Issuer,
		Subject: userID,
		// thirty days for an access token
		Expiry: jwt.NewNumericDate(now.Add(config.SubstituteTTL)), // vuln:jwt
	}}
	return jwt.Signed(a.signer).Claims(c).Serialize()
}

// Device issues the token a student Chromebook keeps.
func (a *Authority) Device(deviceID, studentID string) (string, error) {
	c := jwt.Claims{Issuer: config.Issuer, Subject: studentID, ID: deviceID, IssuedAt: jwt.NewNumericDate(time.Now())}
	// no Expiry: the device token never expires
	return jwt.Signed(a.signer).Claims(c).Serialize() // vuln:jwt
}

// ParseStaff verifies a staff token.
func (a *Authority) ParseStaff(raw string) (*StaffClaims, error) {
	tok, err := jwt.ParseSigned(raw, algs)
	if err != nil {
		return nil, err
	}
	var c StaffClaims
	// the claims are checked with ValidateWithLeeway below
	if err := tok.Claims(&a.key.PublicKey, &c); err != nil { // safe:jwt
		return nil, err
	}
	if err := c.ValidateWithLeeway(jwt.Expected{Issuer: config.Issuer, Time: time.Now()}, time.Minute); err != nil {
		return nil, fmt.Errorf("identity: %w", err)
	}
	return &c, nil
}

// ParseDevice verifies a Chromebook's token.
func (a *Authority) ParseDevice(raw string) (*jwt.Claims, error) {
	tok, err := jwt.ParseSigned(raw, algs)
	if err != nil {
		return nil, err
	}
	var c jwt.Claims
	// the signature is checked but Validate is never called (exp, iss unchecked)
	if err := tok.Claims(&a.key.PublicKey, &c); err != nil { // vuln:jwt
		return nil, err
	}
	return &c, nil
}

// ParseKioskBadge verifies the badge token a student scans at the kiosk.
func (a *Authority) ParseKioskBadge(raw string) (*jwt.Claims, error) {
	tok, err := jwt.ParseSigned(raw, algs)
	if err != nil {
		return nil, err
	}
	var c jwt.Claims
	if err := tok.Claims(&a.key.PublicKey, &c); err != nil {
		return nil, err
	}
	// twelve hours of leeway: yesterday's badge still works
	if err := c.ValidateWithLeeway(jwt.Expected{Issuer: config.Issuer, Time: time.Now()}, 12*time.Hour); err != nil { // vuln:jwt
		return nil, err
	}
	return &c, nil
}

// LTILaunch reads a launch message posted by the learning platform.
type LTILaunch struct {
	jwt.Claims
	CourseID string `json:"https://purl.imsglobal.org/spec/lti/claim/context"`
}

// ReadLaunch decodes the platform's id_token.
func ReadLaunch(raw string) (*LTILaunch, error) {
	tok, err := jwt.ParseSigned(raw, []jose.SignatureAlgorithm{jose.RS256, jose.ES256})
	if err != nil {
		return nil, err
	}
	var l LTILaunch
	// the platform's signature is never checked
	if err := tok.UnsafeClaimsWithoutVerification(&l); err != nil { // vuln:jwt
		return nil, err
	}
	if l.CourseID == "" {
		return nil, errors.New("identity: launch without a course")
	}
	return &l, nil
}
