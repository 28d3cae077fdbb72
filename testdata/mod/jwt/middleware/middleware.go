// Package middleware verifies the tokens authsvc issues.
package middleware

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"example.com/apivettest/jwt/keys"
	"github.com/gin-gonic/gin"
	"github.com/golang-jwt/jwt/v5"
)

// Claims mirror authsvc's.
type Claims struct {
	UserID string `json:"uid"`
	jwt.RegisteredClaims
}

// Auth verifies bearer tokens.
type Auth struct {
	secret   []byte
	parser   *jwt.Parser
	provider *keys.Provider
}

// NewAuth builds the verifier with an HS256-only parser.
func NewAuth(secret []byte, p *keys.Provider) *Auth {
	return &Auth{
		secret:   secret,
		parser:   jwt.NewParser(jwt.WithValidMethods([]string{"HS256"})),
		provider: p,
	}
}

// keyFunc returns the secret for any algorithm.
func (a *Auth) keyFunc(*jwt.Token) (any, error) {
	return a.secret, nil
}

// Verify uses the HS256-only parser, so keyFunc needs no check: safe.
func (a *Auth) Verify(raw string) (*Claims, error) {
	claims := &Claims{}
	if _, err := a.parser.ParseWithClaims(raw, claims, a.keyFunc); err != nil {
		return nil, err
	}
	return claims, nil
}

// VerifyLoose parses with the package function and the same keyfunc.
func (a *Auth) VerifyLoose(raw string) (jwt.MapClaims, error) {
	tok, err := jwt.Parse(raw, a.keyFunc) // want `AV103 medium: keyfunc \(\*Auth\).keyFunc returns the key without checking token.Method and the parser has no jwt.WithValidMethods`
	if err != nil {
		return nil, err
	}
	return tok.Claims.(jwt.MapClaims), nil
}

// VerifyInline checks the method in the keyfunc: safe.
func (a *Auth) VerifyInline(raw string) (*Claims, error) {
	claims := &Claims{}
	_, err := jwt.ParseWithClaims(raw, claims, func(token *jwt.Token) (interface{}, error) {
		if _, ok := token.Method.(*jwt.SigningMethodHMAC); !ok {
			return nil, fmt.Errorf("unexpected signing method: %v", token.Header["alg"])
		}
		return a.secret, nil
	})
	if err != nil {
		return nil, err
	}
	return claims, nil
}

// VerifyAlgHeader compares the alg header: safe.
func (a *Auth) VerifyAlgHeader(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, func(t *jwt.Token) (any, error) {
		if t.Header["alg"] != "HS256" {
			return nil, errors.New("bad alg")
		}
		return a.secret, nil
	})
}

// VerifyShared uses the keys package's checking keyfunc: safe.
func VerifyShared(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, keys.Keyfunc)
}

// VerifySharedLoose uses the keys package's loose keyfunc.
func VerifySharedLoose(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, keys.Loose) // want `AV103 medium: keyfunc keys.Loose returns the key without checking token.Method`
}

// VerifyFactory builds the keyfunc with a factory that does not check.
func (a *Auth) VerifyFactory(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, keys.ForSecret(a.secret)) // want `AV103 medium: keyfunc keys.ForSecret returns the key`
}

// VerifyStrictFactory uses the checking factory: safe.
func (a *Auth) VerifyStrictFactory(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, keys.Strict(a.secret))
}

// VerifyByKid selects the key by kid with a method value from another
// package.
func (a *Auth) VerifyByKid(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, a.provider.Keyfunc) // want `AV103 medium: keyfunc \(\*keys.Provider\).Keyfunc returns the key`
}

// VerifyByKidRestricted restricts the methods: safe.
func (a *Auth) VerifyByKidRestricted(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, a.provider.Keyfunc, jwt.WithValidMethods([]string{"RS256"}))
}

// VerifySharedParser uses the keys package's HS256-only parser: safe.
func VerifySharedParser(raw string) (*jwt.Token, error) {
	return keys.Parser().Parse(raw, keys.Loose)
}

// VerifyLenient accepts tokens long after they expired.
func VerifyLenient(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, keys.Keyfunc, keys.LenientOptions()...) // want `AV106 medium: jwt.Parse allows a leeway of 2h, over the 5m limit`
}

// VerifyNoClaims switches claims validation off.
func VerifyNoClaims(raw string) (*jwt.Token, error) {
	opts := []jwt.ParserOption{jwt.WithValidMethods([]string{"HS256"})}
	opts = append(opts, jwt.WithoutClaimsValidation())
	return jwt.Parse(raw, keys.Loose, opts...) // want `AV106 medium: jwt.Parse runs with claims validation switched off`
}

// VerifySkew allows a small clock skew: safe.
func VerifySkew(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, keys.Keyfunc, jwt.WithLeeway(30*time.Second))
}

// UserFromToken reads the claims without verifying the token.
func UserFromToken(raw string) (string, error) {
	claims := jwt.MapClaims{}
	if _, _, err := jwt.NewParser().ParseUnverified(raw, claims); err != nil { // want `AV102 high: \(\*jwt.Parser\).ParseUnverified reads the token without checking its signature, so anyone can forge its claims`
		return "", err
	}
	sub, _ := claims["sub"].(string)
	return sub, nil
}

// VerifyByHeaderKid reads the kid unverified, then verifies: safe.
func (a *Auth) VerifyByHeaderKid(raw string) (*jwt.Token, error) {
	unverified, _, err := new(jwt.Parser).ParseUnverified(raw, jwt.MapClaims{})
	if err != nil {
		return nil, err
	}
	kid, _ := unverified.Header["kid"].(string)
	if kid == "" {
		return nil, errors.New("no kid")
	}
	return jwt.Parse(raw, keys.Keyfunc)
}

// peekKid only reads the header: safe.
func peekKid(raw string) string {
	tok, _, err := jwt.NewParser().ParseUnverified(raw, jwt.MapClaims{})
	if err != nil {
		return ""
	}
	kid, _ := tok.Header["kid"].(string)
	return kid
}

// Kid exposes peekKid.
func Kid(raw string) string { return peekKid(raw) }

// IgnoreErr uses the claims whatever the error.
func IgnoreErr(raw string) string {
	tok, _ := jwt.Parse(raw, keys.Keyfunc) // want `AV102 high: claims of the token from jwt.Parse are used, but neither its error nor token.Valid is checked`
	claims := tok.Claims.(jwt.MapClaims)
	sub, _ := claims["sub"].(string)
	return sub
}

// CheckValid looks at Valid instead of the error: safe.
func CheckValid(raw string) string {
	tok, _ := jwt.Parse(raw, keys.Keyfunc)
	if tok == nil || !tok.Valid {
		return ""
	}
	sub, _ := tok.Claims.(jwt.MapClaims)["sub"].(string)
	return sub
}

// NilKey returns no key and no error.
func NilKey(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, func(t *jwt.Token) (any, error) { // want `AV102 high: keyfunc func literal returns a nil key with a nil error`
		if t.Method.Alg() == "HS256" {
			return nil, nil
		}
		return nil, errors.New("unsupported")
	})
}

// EmptyKey returns an empty key.
func EmptyKey(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, func(t *jwt.Token) (any, error) { // want `AV102 high: keyfunc func literal returns an empty key with a nil error`
		return []byte(""), nil
	}, jwt.WithValidMethods([]string{"HS256"}))
}

// ShortKey verifies with a 12-byte key.
func ShortKey(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, func(t *jwt.Token) (any, error) { // want `AV107 high: the HMAC key returned by keyfunc func literal is 12 bytes`
		return []byte("supersecret!"), nil
	}, jwt.WithValidMethods([]string{"HS256"}))
}

// Internal is called by the gateway only; the team accepts any algorithm.
func (a *Auth) Internal(raw string) (*jwt.Token, error) {
	//apivet:ignore AV103 the gateway verified the algorithm before this service sees the token
	return jwt.Parse(raw, a.keyFunc)
}

// Gin is the gin middleware: it checks the method, safe.
func (a *Auth) Gin() gin.HandlerFunc {
	return func(c *gin.Context) {
		raw := strings.TrimPrefix(c.GetHeader("Authorization"), "Bearer ")
		claims := &Claims{}
		token, err := jwt.ParseWithClaims(raw, claims, func(token *jwt.Token) (interface{}, error) {
			if token.Method.Alg() != jwt.SigningMethodHS256.Alg() {
				return nil, fmt.Errorf("unexpected signing method %s", token.Method.Alg())
			}
			return a.secret, nil
		})
		if err != nil || !token.Valid {
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		c.Set("uid", claims.UserID)
		c.Next()
	}
}

// VerifyViaIssuer reads the issuer unverified and hands the raw token to
// the verifier for that issuer: safe.
func (a *Auth) VerifyViaIssuer(raw string) (*jwt.Token, error) {
	claims := &jwt.RegisteredClaims{}
	if _, _, err := jwt.NewParser().ParseUnverified(raw, claims); err != nil {
		return nil, err
	}
	return a.verifyFor(raw, claims.Issuer)
}

func (a *Auth) verifyFor(raw, issuer string) (*jwt.Token, error) {
	return jwt.Parse(raw, keys.Keyfunc, jwt.WithIssuer(issuer))
}

// Discard drops both results of the parse and trusts the claims.
func Discard(raw string) string {
	claims := jwt.MapClaims{}
	jwt.ParseWithClaims(raw, claims, keys.Keyfunc) // want `AV102 high: claims of the token from jwt.ParseWithClaims are used, but neither its error nor token.Valid is checked`
	sub, _ := claims["sub"].(string)
	return sub
}

// UnsafeSubject says in its name that it does not verify, but whoever
// calls it gets a subject anyone can forge.
func UnsafeSubject(raw string) string {
	claims := jwt.MapClaims{}
	if _, _, err := jwt.NewParser().ParseUnverified(raw, claims); err != nil { // want `AV102 high: \(\*jwt.Parser\).ParseUnverified reads the token without checking its signature`
		return ""
	}
	sub, _ := claims.GetSubject()
	return sub
}

// DeviceToken keeps the raw token for verification later.
type DeviceToken struct {
	Raw    string
	Claims jwt.MapClaims
}

// ReadDevice keeps the raw token with its unverified claims: silent.
func ReadDevice(raw string) (*DeviceToken, error) {
	claims := jwt.MapClaims{}
	if _, _, err := jwt.NewParser().ParseUnverified(raw, claims); err != nil {
		return nil, err
	}
	return &DeviceToken{Raw: raw, Claims: claims}, nil
}
