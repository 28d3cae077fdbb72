// Package auth issues reelhouse's tokens and builds the JWT middleware.
package auth

import (
	"errors"
	"fmt"
	"time"

	jwtware "github.com/gofiber/contrib/jwt"
	"github.com/gofiber/fiber/v2"
	jwt "github.com/golang-jwt/jwt/v4"

	"example.com/apivettest/corpus/reelhouse/internal/config"
	"example.com/apivettest/corpus/reelhouse/internal/keys"
)

type PlaybackClaims struct {
	TitleID string `json:"tid"`
	jwt.StandardClaims
}

type Tokens struct {
	key       []byte
	deviceKey []byte
	partners  map[string][]byte
}

func NewTokens(cfg config.Config) *Tokens {
	return &Tokens{key: cfg.JWTKey, deviceKey: cfg.DeviceKey, partners: map[string][]byte{}}
}

// Access issues a viewer's access token.
func (t *Tokens) Access(userID string) (string, error) {
	now := time.Now()
	c := jwt.StandardClaims{
		Subject:  userID,
		IssuedAt: now.Unix(),
		// twenty minutes
		ExpiresAt: now.Add(config.AccessTTL).Unix(), // safe:jwt
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(t.key)
}

// Refresh issues a refresh token.
func (t *Tokens) Refresh(userID string) (string, error) {
	now := time.Now()
	c := jwt.MapClaims{
		"sub": userID,
		"typ": "refresh",
		// two months for a refresh token, over the 30-day limit
		"exp": now.AddDate(0, 2, 0).Unix(), // vuln:jwt
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(t.key)
}

// Playback issues a token that unlocks one title's manifests.
func (t *Tokens) Playback(userID, titleID string) (string, error) {
	now := time.Now()
	c := PlaybackClaims{TitleID: titleID, StandardClaims: jwt.StandardClaims{
		Subject: userID,
		// six hours
		ExpiresAt: now.Add(config.PlaybackTTL).Unix(), // safe:jwt
	}}
	// HS256 with an expiry
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(t.key) // safe:jwt
}

// Device issues the token a paired TV keeps.
func (t *Tokens) Device(deviceID, userID string) (string, error) {
	c := jwt.StandardClaims{Subject: userID, Id: deviceID, IssuedAt: time.Now().Unix()}
	// StandardClaims without ExpiresAt
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(t.deviceKey) // vuln:jwt
}

// ParsePlayback verifies a playback token.
func (t *Tokens) ParsePlayback(raw string) (*PlaybackClaims, error) {
	var c PlaybackClaims
	// keys.Playback only accepts HS256
	tok, err := jwt.ParseWithClaims(raw, &c, keys.Playback(t.key)) // safe:jwt
	if err != nil || !tok.Valid {
		return nil, fmt.Errorf("auth: playback token: %w", errors.Join(err, errors.New("invalid")))
	}
	return &c, nil
}

// ParsePartner verifies a partner's token; the kid picks the partner's key.
func (t *Tokens) ParsePartner(raw string) (jwt.MapClaims, error) {
	// only the header is read here, to log which partner is calling
	unverified, _, err := new(jwt.Parser).ParseUnverified(raw, jwt.MapClaims{}) // safe:jwt
	if err != nil {
		return nil, err
	}
	kid, _ := unverified.Header["kid"].(string)
	claims := jwt.MapClaims{}
	// the keyfunc checks the method and picks the key by kid
	if _, err := jwt.ParseWithClaims(raw, claims, keys.ByKid(t.partners)); err != nil { // safe:jwt
		return nil, fmt.Errorf("auth: partner %q: %w", kid, err)
	}
	return claims, nil
}

// BillingEvent reads the payment provider's signed event.
func (t *Tokens) BillingEvent(raw string, providerKey []byte) (string, error) {
	// the error and token.Valid are ignored and the claims used anyway
	token, _ := jwt.Parse(raw, func(*jwt.Token) (interface{}, error) { return providerKey, nil }) // vuln:jwt
	claims, ok := token.Claims.(jwt.MapClaims)
	if !ok {
		return "", errors.New("auth: bad billing event")
	}
	sub, _ := claims["sub"].(string)
	return sub, nil
}

// Viewer is the middleware for viewer API routes.
func Viewer(key []byte) fiber.Handler {
	// contrib/jwt checks the algorithm when JWTAlg is set
	return jwtware.New(jwtware.Config{ // safe:jwt
		SigningKey: jwtware.SigningKey{JWTAlg: jwtware.HS256, Key: key},
	})
}

// TV is the middleware for paired TVs.
func TV(key []byte) fiber.Handler {
	// keys.Device never checks the method and the middleware parses without WithValidMethods
	return jwtware.New(jwtware.Config{KeyFunc: keys.Device(key)}) // vuln:jwt
}
