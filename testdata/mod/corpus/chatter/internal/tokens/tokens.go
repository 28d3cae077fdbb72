// Package tokens issues and checks chatter's JWTs (golang-jwt v4).
package tokens

import (
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/golang-jwt/jwt/v4"
)

var (
	// an error message, whatever its name says
	errBadToken = errors.New("tokens: invalid or expired token") // safe:secrets
	errNone     = errors.New("tokens: unsigned tokens are not accepted")
)

// Session is the bearer token of a signed-in user.
type Session struct {
	jwt.StandardClaims
	UserID int64 `json:"uid"`
}

// BotClaims are carried by the short tokens bots get from the webhook API.
type BotClaims struct {
	jwt.RegisteredClaims
	BotID string `json:"bot"`
}

// Service signs and verifies tokens with one HMAC secret.
type Service struct {
	secret []byte
}

// New builds the token service.
func New(secret string) *Service { return &Service{secret: []byte(secret)} }

// keyfunc refuses "none" explicitly and anything that is not HMAC.
func (s *Service) keyfunc(t *jwt.Token) (interface{}, error) {
	// a comparison that rejects "none" is not a use of it
	if t.Header["alg"] == "none" {
		return nil, errNone
	}
	if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
		return nil, fmt.Errorf("tokens: unexpected method %s", t.Method.Alg())
	}
	return s.secret, nil
}

// IssueSession signs a user's API token. The mobile apps never refresh, so
// the token was made to last a month.
func (s *Service) IssueSession(userID int64) (string, error) {
	claims := Session{
		StandardClaims: jwt.StandardClaims{
			Subject:  strconv.FormatInt(userID, 10),
			IssuedAt: time.Now().Unix(),
			// thirty days for a bearer access token
			ExpiresAt: time.Now().Add(30 * 24 * time.Hour).Unix(), // vuln:jwt
		},
		UserID: userID,
	}
	// the claims have an expiry; its length is the finding above
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(s.secret) // safe:jwt
}

// IssueBot signs an hour-long bot token.
func (s *Service) IssueBot(botID string) (string, error) {
	now := time.Now()
	claims := BotClaims{
		RegisteredClaims: jwt.RegisteredClaims{
			Subject: "bot:" + botID,
			// one hour
			ExpiresAt: jwt.NewNumericDate(now.Add(time.Hour)), // safe:jwt
		},
		BotID: botID,
	}
	// the claims expire after an hour
	t := jwt.NewWithClaims(jwt.SigningMethodHS256, &claims) // safe:jwt
	return t.SignedString(s.secret)
}

// IssueInvite signs a room invitation link.
func (s *Service) IssueInvite(roomID, inviter int64) (string, error) {
	// no "exp": a leaked invite link works forever
	t := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{ // vuln:jwt
		"room":    roomID,
		"inviter": inviter,
		"iat":     time.Now().Unix(),
	})
	return t.SignedString(s.secret)
}

// VerifySession checks an API bearer token.
func (s *Service) VerifySession(raw string) (*Session, error) {
	var c Session
	// the keyfunc checks the method, v4 validates exp by default
	tok, err := jwt.ParseWithClaims(raw, &c, s.keyfunc) // safe:jwt
	if err != nil || !tok.Valid {
		return nil, errBadToken
	}
	return &c, nil
}

// VerifyBot checks a bot token.
func (s *Service) VerifyBot(raw string) (*BotClaims, error) {
	var c BotClaims
	p := jwt.NewParser(jwt.WithValidMethods([]string{"HS256"}))
	// methods pinned on the parser, and the keyfunc checks them too
	if _, err := p.ParseWithClaims(raw, &c, s.keyfunc); err != nil { // safe:jwt
		return nil, errBadToken
	}
	return &c, nil
}
