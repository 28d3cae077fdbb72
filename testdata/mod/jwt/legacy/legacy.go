// Package legacy is the old login service, still on dgrijalva/jwt-go.
package legacy

import (
	"encoding/json"
	"errors"
	"os"
	"time"

	jwt "github.com/dgrijalva/jwt-go" // want `AV108 medium: github.com/dgrijalva/jwt-go is unmaintained and has the unfixed CVE-2020-26160`
)

var signingKey = []byte(os.Getenv("SESSION_SECRET"))

// Login follows the old README: claims set through token.Claims.
func Login(user string) (string, error) {
	token := jwt.New(jwt.SigningMethodHS256)
	claims := token.Claims.(jwt.MapClaims)
	claims["name"] = user
	claims["admin"] = false
	claims["exp"] = time.Now().Add(time.Hour * 72).Unix() // want `AV105 medium: access token lifetime 72h exceeds the 24h limit`
	return token.SignedString(signingKey)
}

// Impersonate forgets the expiry.
func Impersonate(user string) (string, error) {
	token := jwt.New(jwt.SigningMethodHS256) // want `AV104 medium: token created without an expiry: jwt.New starts with empty claims`
	claims := token.Claims.(jwt.MapClaims)
	claims["name"] = user
	claims["impersonated"] = true
	return token.SignedString(signingKey)
}

// Service issues tokens with StandardClaims.
func Service(user string) (string, error) {
	claims := jwt.StandardClaims{Subject: user, IssuedAt: time.Now().Unix()}
	t := jwt.NewWithClaims(jwt.SigningMethodHS256, claims) // want `AV104 medium: token created without an expiry: the claims \(claims\) never set "exp"`
	return t.SignedString(signingKey)
}

// ServiceShort sets ExpiresAt: safe.
func ServiceShort(user string) (string, error) {
	claims := jwt.StandardClaims{Subject: user, ExpiresAt: time.Now().Add(10 * time.Minute).Unix()}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(signingKey)
}

func checkedKey(t *jwt.Token) (interface{}, error) {
	if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
		return nil, errors.New("unexpected signing method")
	}
	return signingKey, nil
}

// VerifySkip turns claims validation off.
func VerifySkip(raw string) (*jwt.StandardClaims, error) {
	p := &jwt.Parser{SkipClaimsValidation: true}
	claims := &jwt.StandardClaims{}
	if _, err := p.ParseWithClaims(raw, claims, checkedKey); err != nil { // want `AV106 medium: \(\*jwt.Parser\).ParseWithClaims runs with claims validation switched off`
		return nil, err
	}
	return claims, nil
}

// VerifyMethods lists the valid methods on the parser: safe.
func VerifyMethods(raw string) (*jwt.Token, error) {
	p := jwt.Parser{ValidMethods: []string{"HS256"}}
	return p.Parse(raw, func(*jwt.Token) (interface{}, error) { return signingKey, nil })
}

// VerifyLoose has neither.
func VerifyLoose(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, func(*jwt.Token) (interface{}, error) { return signingKey, nil }) // want `AV103 medium: keyfunc func literal returns the key without checking token.Method`
}

// Made builds map claims with make and forgets the expiry.
func Made(user string) (string, error) {
	claims := make(jwt.MapClaims)
	claims["sub"] = user
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(signingKey) // want `AV104 medium: token created without an expiry`
}

// GoogleSubject reads an ID token without a keyfunc.
func GoogleSubject(idToken string) string {
	claims := &jwt.StandardClaims{}
	jwt.ParseWithClaims(idToken, claims, nil) // want `AV102 high: claims of the token from jwt.ParseWithClaims are used, but neither its error nor token.Valid is checked`
	return claims.Subject
}

// FromJSON decodes the claims a caller sent: they may carry "exp".
func FromJSON(body []byte) (string, error) {
	var claims jwt.MapClaims
	if err := json.Unmarshal(body, &claims); err != nil {
		return "", err
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(signingKey)
}
