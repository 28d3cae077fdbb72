// Package jwxsvc issues and verifies tokens with lestrrat-go/jwx v2.
package jwxsvc

import (
	"net/http"
	"time"

	"github.com/lestrrat-go/jwx/v2/jwa"
	"github.com/lestrrat-go/jwx/v2/jwk"
	"github.com/lestrrat-go/jwx/v2/jwt"
)

// Issuer signs tokens with an HMAC key from configuration.
type Issuer struct {
	key []byte
}

// Access issues a 15-minute token: safe.
func (i *Issuer) Access(sub string) ([]byte, error) {
	tok, err := jwt.NewBuilder().
		Subject(sub).
		IssuedAt(time.Now()).
		Expiration(time.Now().Add(15 * time.Minute)).
		Build()
	if err != nil {
		return nil, err
	}
	return jwt.Sign(tok, jwt.WithKey(jwa.HS256, i.key))
}

// Forever forgets the expiry.
func (i *Issuer) Forever(sub string) ([]byte, error) {
	tok, err := jwt.NewBuilder().
		Subject(sub).
		IssuedAt(time.Now()).
		Build() // want `AV104 medium: token built without an expiry: the jwt.NewBuilder chain never calls Expiration`
	if err != nil {
		return nil, err
	}
	return jwt.Sign(tok, jwt.WithKey(jwa.HS256, i.key))
}

// Year issues a token for a year.
func (i *Issuer) Year(sub string) ([]byte, error) {
	tok, err := jwt.NewBuilder().
		Subject(sub).
		Expiration(time.Now().AddDate(1, 0, 0)). // want `AV105 medium: access token lifetime 8760h exceeds the 24h limit`
		Build()
	if err != nil {
		return nil, err
	}
	return jwt.Sign(tok, jwt.WithKey(jwa.HS256, i.key))
}

// SetLater sets the expiry on the built token: safe.
func (i *Issuer) SetLater(sub string) ([]byte, error) {
	tok, err := jwt.NewBuilder().Subject(sub).Build()
	if err != nil {
		return nil, err
	}
	if err := tok.Set(jwt.ExpirationKey, time.Now().Add(10*time.Minute)); err != nil {
		return nil, err
	}
	return jwt.Sign(tok, jwt.WithKey(jwa.HS256, i.key))
}

// Bare builds the token with jwt.New and never sets "exp".
func (i *Issuer) Bare(sub string) ([]byte, error) {
	tok := jwt.New()
	if err := tok.Set(jwt.SubjectKey, sub); err != nil {
		return nil, err
	}
	return jwt.Sign(tok, jwt.WithKey(jwa.HS256, i.key)) // want `AV104 medium: token signed without an expiry: tok from jwt.New\(\) never gets "exp"`
}

// BareRefresh sets "exp" by name to 60 days on a refresh token.
func (i *Issuer) BareRefresh(sub string) ([]byte, error) {
	refresh := jwt.New()
	_ = refresh.Set(jwt.SubjectKey, sub)
	_ = refresh.Set("exp", time.Now().Add(60*24*time.Hour)) // want `AV105 medium: refresh token lifetime 1440h exceeds the 720h limit`
	return jwt.Sign(refresh, jwt.WithKey(jwa.HS256, i.key))
}

func (i *Issuer) token(sub string) jwt.Token {
	tok, _ := jwt.NewBuilder().Subject(sub).Expiration(time.Now().Add(time.Minute)).Build()
	return tok
}

// Unsigned signs with no signature.
func (i *Issuer) Unsigned(sub string) ([]byte, error) {
	return jwt.Sign(i.token(sub), jwt.WithInsecureNoSignature()) // want `AV101 high: token signed with jwt.WithInsecureNoSignature`
}

// NoneAlg signs with the none algorithm.
func (i *Issuer) NoneAlg(sub string) ([]byte, error) {
	return jwt.Sign(i.token(sub), jwt.WithKey(jwa.NoSignature, nil)) // want `AV101 high: token signed with alg "none" \(jwa.NoSignature\)`
}

// ShortKey signs with a 4-byte key.
func (i *Issuer) ShortKey(sub string) ([]byte, error) {
	return jwt.Sign(i.token(sub), jwt.WithKey(jwa.HS256, []byte("tiny"))) // want `AV107 high: the HMAC signing key is 4 bytes`
}

// ShortJWK signs with a short key wrapped in a JWK.
func (i *Issuer) ShortJWK(sub string) ([]byte, error) {
	k, err := jwk.FromRaw([]byte("short-secret"))
	if err != nil {
		return nil, err
	}
	return jwt.Sign(i.token(sub), jwt.WithKey(jwa.HS256, k)) // want `AV107 high: the HMAC signing key is 12 bytes`
}

// Verify verifies and validates: safe.
func Verify(b, key []byte) (jwt.Token, error) {
	return jwt.Parse(b, jwt.WithKey(jwa.HS256, key))
}

// NoVerify skips the signature.
func NoVerify(b []byte) (string, error) {
	tok, err := jwt.Parse(b, jwt.WithVerify(false)) // want `AV102 high: jwt.Parse runs with jwt.WithVerify\(false\) and skips signature verification`
	if err != nil {
		return "", err
	}
	return tok.Subject(), nil
}

// SubjectOf parses insecurely.
func SubjectOf(b []byte) (string, error) {
	tok, err := jwt.ParseInsecure(b) // want `AV102 high: jwt.ParseInsecure skips signature verification, so anyone can forge its claims`
	if err != nil {
		return "", err
	}
	return tok.Subject(), nil
}

// ByIssuer reads the issuer unverified to pick the tenant's key set, then
// verifies: safe.
func ByIssuer(b []byte, sets map[string]jwk.Set) (jwt.Token, error) {
	unverified, err := jwt.ParseInsecure(b)
	if err != nil {
		return nil, err
	}
	return jwt.Parse(b, jwt.WithKeySet(sets[unverified.Issuer()]))
}

// NoValidate verifies the signature but not the claims.
func NoValidate(b, key []byte) (jwt.Token, error) {
	return jwt.Parse(b, jwt.WithKey(jwa.HS256, key), jwt.WithValidate(false)) // want `AV106 medium: jwt.Parse runs with jwt.WithValidate\(false\)`
}

// ValidateLater validates after parsing: safe.
func ValidateLater(b, key []byte) (jwt.Token, error) {
	tok, err := jwt.Parse(b, jwt.WithKey(jwa.HS256, key), jwt.WithValidate(false))
	if err != nil {
		return nil, err
	}
	if err := jwt.Validate(tok, jwt.WithIssuer("auth")); err != nil {
		return nil, err
	}
	return tok, nil
}

// ValidateSkewed validates with a day of skew.
func ValidateSkewed(b, key []byte) (jwt.Token, error) {
	tok, err := jwt.Parse(b, jwt.WithKey(jwa.HS256, key), jwt.WithValidate(false))
	if err != nil {
		return nil, err
	}
	return tok, jwt.Validate(tok, jwt.WithAcceptableSkew(24*time.Hour)) // want `AV106 medium: jwt.Validate allows a leeway of 24h, over the 5m limit`
}

// Skewed accepts an hour of clock skew.
func Skewed(b, key []byte) (jwt.Token, error) {
	return jwt.Parse(b, jwt.WithKey(jwa.HS256, key), jwt.WithAcceptableSkew(time.Hour)) // want `AV106 medium: jwt.Parse allows a leeway of 1h, over the 5m limit`
}

// SmallSkew accepts 30 seconds: safe.
func SmallSkew(b, key []byte) (jwt.Token, error) {
	return jwt.Parse(b, jwt.WithKey(jwa.HS256, key), jwt.WithAcceptableSkew(30*time.Second))
}

// FromRequest builds its options in a slice.
func FromRequest(r *http.Request, key []byte) (jwt.Token, error) {
	opts := []jwt.ParseOption{jwt.WithKey(jwa.HS256, key)}
	opts = append(opts, jwt.WithValidate(false))
	return jwt.ParseRequest(r, opts...) // want `AV106 medium: jwt.ParseRequest runs with jwt.WithValidate\(false\)`
}

// NoneAccepted verifies with the none algorithm.
func NoneAccepted(b []byte) (jwt.Token, error) {
	return jwt.Parse(b, jwt.WithKey(jwa.NoSignature, nil)) // want `AV101 high: jwt.Parse accepts alg "none"`
}

// Debug prints a token without verifying or validating it: one finding.
func Debug(b []byte) (string, error) {
	tok, err := jwt.Parse(b, jwt.WithVerify(false), jwt.WithValidate(false)) // want `AV102 high: jwt.Parse runs with jwt.WithVerify\(false\)`
	if err != nil {
		return "", err
	}
	return tok.Subject(), nil
}

// driverOptions are shared by the driver token checks.
func (i *Issuer) driverOptions() []jwt.ParseOption {
	return []jwt.ParseOption{
		jwt.WithKey(jwa.HS256, i.key),
		jwt.WithAcceptableSkew(2 * time.Hour),
	}
}

// VerifyDriver accepts tokens two hours past their expiry.
func (i *Issuer) VerifyDriver(raw string) (jwt.Token, error) {
	return jwt.ParseString(raw, i.driverOptions()...) // want `AV106`
}
