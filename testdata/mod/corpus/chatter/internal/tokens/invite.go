package tokens

import (
	"fmt"

	"github.com/golang-jwt/jwt/v4"
)

// invites carry no exp, so someone switched claim validation off instead
// of adding one; that also disables nbf and any exp a future issuer adds
var inviteParser = &jwt.Parser{
	ValidMethods:         []string{"HS256"},
	SkipClaimsValidation: true,
}

// Invite is a decoded room invitation.
type Invite struct {
	RoomID  int64
	Inviter int64
}

// VerifyInvite checks an invitation link.
func (s *Service) VerifyInvite(raw string) (Invite, error) {
	claims := jwt.MapClaims{}
	// the parser defined above skips claims validation
	if _, err := inviteParser.ParseWithClaims(raw, claims, s.keyfunc); err != nil { // vuln:jwt
		return Invite{}, fmt.Errorf("invite: %w", err)
	}
	room, _ := claims["room"].(float64)
	inviter, _ := claims["inviter"].(float64)
	return Invite{RoomID: int64(room), Inviter: int64(inviter)}, nil
}

// PreviewSubject reads who shared a link preview. The error from Parse is
// dropped and the claims are used whether or not the signature checked out.
func (s *Service) PreviewSubject(raw string) string {
	// the error is discarded, tok.Valid is never checked
	tok, _ := jwt.Parse(raw, s.keyfunc) // vuln:jwt
	if tok == nil {
		return ""
	}
	claims, _ := tok.Claims.(jwt.MapClaims)
	sub, _ := claims["sub"].(string)
	return sub
}
