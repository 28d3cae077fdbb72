package authsvc

import (
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// Issuer takes the time from an injected clock, for tests.
type Issuer struct {
	key   []byte
	now   func() time.Time
	clock interface{ Now() time.Time }
}

// Partner issues a ninety-day access token from the injected clock.
func (i *Issuer) Partner(id string) (string, error) {
	now := i.now()
	claims := jwt.RegisteredClaims{
		Subject:   id,
		ExpiresAt: jwt.NewNumericDate(now.Add(90 * 24 * time.Hour)), // want `AV105 .*access token lifetime 2160h exceeds the 24h limit`
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(i.key)
}

// Guest issues a fifteen-minute token from a clock interface: silent.
func (i *Issuer) Guest(id string) (string, error) {
	claims := jwt.RegisteredClaims{
		Subject:   id,
		ExpiresAt: jwt.NewNumericDate(i.clock.Now().Add(15 * time.Minute)),
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(i.key)
}

// Kiosk issues a week-long access token from the clock interface.
func (i *Issuer) Kiosk(id string) (string, error) {
	claims := jwt.RegisteredClaims{
		Subject:   id,
		ExpiresAt: jwt.NewNumericDate(i.clock.Now().Add(7 * 24 * time.Hour)), // want `AV105 .*access token lifetime 168h exceeds the 24h limit`
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(i.key)
}

// MagicLink signs its holder in for three days: an access token.
func (i *Issuer) MagicLink(id string) (string, error) {
	now := time.Now()
	claims := jwt.RegisteredClaims{Subject: id}
	claims.ExpiresAt = jwt.NewNumericDate(now.Add(72 * time.Hour)) // want `AV105 .*access token lifetime 72h exceeds the 24h limit`
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(i.key)
}

// InviteLink is an invitation valid for a week: a product decision, silent.
func (i *Issuer) InviteLink(id string) (string, error) {
	claims := jwt.RegisteredClaims{Subject: id, ExpiresAt: jwt.NewNumericDate(time.Now().Add(7 * 24 * time.Hour))}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(i.key)
}
