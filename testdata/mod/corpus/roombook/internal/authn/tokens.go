// Package authn issues and verifies the booking API's bearer tokens.
package authn

import (
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"example.com/apivettest/corpus/roombook/internal/config"
	"example.com/apivettest/corpus/roombook/internal/keys"
)

// ErrInvalid is returned for any token that does not verify.
var ErrInvalid = errors.New("authn: invalid token")

// Claims are the guest token's claims.
type Claims struct {
	jwt.RegisteredClaims
	GuestID int64  `json:"gid"`
	Scope   string `json:"scope,omitempty"`
}

// RefreshClaims are carried by refresh tokens only.
type RefreshClaims struct {
	jwt.RegisteredClaims
	Device string `json:"dev"`
}

// Issuer signs tokens with the service's HMAC secret.
type Issuer struct {
	secret []byte
	issuer string
	now    func() time.Time
}

// NewIssuer builds an Issuer from the auth settings.
func NewIssuer(cfg config.Auth) *Issuer {
	return &Issuer{secret: []byte(cfg.SigningSecret), issuer: cfg.Issuer, now: time.Now}
}

// Access issues a guest's short-lived bearer token.
func (i *Issuer) Access(guestID int64) (string, error) {
	now := i.now()
	claims := Claims{
		RegisteredClaims: jwt.RegisteredClaims{
			Issuer:   i.issuer,
			Subject:  strconv.FormatInt(guestID, 10),
			IssuedAt: jwt.NewNumericDate(now),
			// fifteen minutes, a constant of the config package
			ExpiresAt: jwt.NewNumericDate(now.Add(config.AccessTokenTTL)), // safe:jwt
		},
		GuestID: guestID,
		Scope:   "guest",
	}
	// HS256 with the configured secret; the claims carry an expiry
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(i.secret) // safe:jwt
}

// Refresh issues the token a device uses to get new access tokens.
func (i *Issuer) Refresh(guestID int64, device string) (string, error) {
	now := i.now()
	claims := RefreshClaims{
		RegisteredClaims: jwt.RegisteredClaims{
			Issuer:  i.issuer,
			Subject: strconv.FormatInt(guestID, 10),
			// a refresh token of fourteen days is within the 30-day limit
			ExpiresAt: jwt.NewNumericDate(now.Add(config.RefreshTokenTTL)), // safe:jwt
		},
		Device: device,
	}
	// expiry set above, HMAC key from config
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, claims) // safe:jwt
	s, err := tok.SignedString(i.secret)
	if err != nil {
		return "", fmt.Errorf("authn: sign refresh: %w", err)
	}
	return s, nil
}

// PartnerSession issues the access token a channel partner calls the API
// with after exchanging its assertion.
func (i *Issuer) PartnerSession(partnerID string) (string, error) {
	now := i.now()
	claims := Claims{
		RegisteredClaims: jwt.RegisteredClaims{
			Issuer:   i.issuer,
			Subject:  "partner:" + partnerID,
			IssuedAt: jwt.NewNumericDate(now),
			// an access token that lives ninety days (config.PartnerSessionTTL)
			ExpiresAt: jwt.NewNumericDate(now.Add(config.PartnerSessionTTL)), // vuln:jwt
		},
		Scope: "partner",
	}
	// the lifetime finding belongs to the expiry line above; the token has an expiry
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(i.secret) // safe:jwt
}

// Verify checks a guest or partner access token.
func (i *Issuer) Verify(raw string) (*Claims, error) {
	var c Claims
	// the keyfunc from the keys package insists on an HMAC method
	tok, err := jwt.ParseWithClaims(raw, &c, keys.HMAC(i.secret)) // safe:jwt
	if err != nil {
		return nil, errors.Join(ErrInvalid, err)
	}
	if !tok.Valid {
		return nil, ErrInvalid
	}
	return &c, nil
}

// VerifyRefresh checks a refresh token.
func (i *Issuer) VerifyRefresh(raw string) (*RefreshClaims, error) {
	var c RefreshClaims
	// the accepted methods are pinned in the parser options as well
	_, err := jwt.ParseWithClaims(raw, &c, keys.HMAC(i.secret), jwt.WithValidMethods([]string{"HS256"}), jwt.WithIssuer(i.issuer)) // safe:jwt
	if err != nil {
		return nil, errors.Join(ErrInvalid, err)
	}
	return &c, nil
}
