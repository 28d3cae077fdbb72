package main

import (
	"errors"
	"os"
	"time"

	jose "github.com/go-jose/go-jose/v4"
	jwtv4 "github.com/golang-jwt/jwt/v4"
	"github.com/golang-jwt/jwt/v5"
	"github.com/lestrrat-go/jwx/v2/jwa"
	"github.com/lestrrat-go/jwx/v2/jwk"
	jwxt "github.com/lestrrat-go/jwx/v2/jwt"

	"example.com/apivettest/secrets/config"
)

// jwtKey signs the access tokens.
var jwtKey = []byte("k3y-for-signing-tokens-91") // want `AV502 high: hardcoded JWT signing key "k3y-…-91" \(25 chars\) reaches \(\*jwt.Token\).SignedString through jwtKey; load the key from the environment or a secret manager at run time`

// signingKey is a helper that returns a constant key.
func signingKey() []byte {
	return []byte("helper-K3y-Qw8#") // want `AV502 high: hardcoded JWT signing key "…" \(15 chars\) reaches \(\*jwt.Token\).SignedString through signingKey\(\);`
}

func claimsFor(userID string) jwt.RegisteredClaims {
	return jwt.RegisteredClaims{
		Subject:   userID,
		ExpiresAt: jwt.NewNumericDate(time.Now().Add(config.TokenTTL)),
	}
}

func issue(userID string) (string, error) {
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, claimsFor(userID))
	return tok.SignedString(jwtKey)
}

func issueInline(userID string) (string, error) {
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, claimsFor(userID))
	return tok.SignedString([]byte("inline-Secret-123")) // want `AV502 high: hardcoded JWT signing key "inli…123" \(17 chars\) reaches \(\*jwt.Token\).SignedString;`
}

func issueWithHelper(userID string) (string, error) {
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, claimsFor(userID))
	return tok.SignedString(signingKey())
}

func issueThroughLocal(userID string) (string, error) {
	secret := "local-var-S3cret-xy" // want `AV502 high: hardcoded JWT signing key "loca…-xy" \(19 chars\) reaches \(\*jwt.Token\).SignedString through secret;`
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, claimsFor(userID))
	return tok.SignedString([]byte(secret))
}

func issueCrossPackage(userID string) (string, error) {
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, claimsFor(userID))
	if userID == "" {
		return tok.SignedString([]byte(config.TokenSeed)) // want `AV502 high: hardcoded JWT signing key "c0ff…b1e" \(25 chars\) reaches \(\*jwt.Token\).SignedString through config.TokenSeed;`
	}
	if userID == "svc" {
		return tok.SignedString(config.SigningKey()) // want `AV502 high: hardcoded JWT signing key "…" \(15 chars\) reaches \(\*jwt.Token\).SignedString through config.SigningKey\(\);`
	}
	// reported as AV501 on the constant's line in package config
	return tok.SignedString([]byte(config.JWTSigningSecret))
}

func issueV4(userID string) (string, error) {
	tok := jwtv4.NewWithClaims(jwtv4.SigningMethodHS256, jwtv4.RegisteredClaims{Subject: userID})
	return tok.SignedString([]byte("v4-Signing-Key!")) // want `AV502 high: hardcoded JWT signing key "…" \(15 chars\) reaches \(\*jwt.Token\).SignedString`
}

// safe: keys from the environment, from configuration, from a file
func issueFromEnv(userID string) (string, error) {
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, claimsFor(userID))
	return tok.SignedString([]byte(os.Getenv("JWT_SECRET")))
}

func issueFromConfig(cfg config.Config, userID string) (string, error) {
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, claimsFor(userID))
	return tok.SignedString([]byte(cfg.JWTSecret))
}

func issueFromFile(userID string) (string, error) {
	key, err := os.ReadFile("/run/secrets/jwt-key")
	if err != nil {
		return "", err
	}
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, claimsFor(userID))
	return tok.SignedString(key)
}

func issueWithFallback(userID string) (string, error) {
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, claimsFor(userID))
	return tok.SignedString([]byte(config.JWTSecret()))
}

func parse(s string) (*jwt.Token, error) {
	return jwt.Parse(s, func(t *jwt.Token) (interface{}, error) {
		if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
			return nil, errors.New("unexpected signing method")
		}
		return []byte("parse-Secret-456"), nil // want `AV502 high: hardcoded JWT verification key "pars…456" \(16 chars\) reaches the keyfunc of jwt.Parse`
	})
}

func keyFunc(t *jwt.Token) (interface{}, error) {
	if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
		return nil, errors.New("unexpected signing method")
	}
	return jwtKey, nil
}

func parseClaims(s string) (*jwt.Token, error) {
	return jwt.ParseWithClaims(s, &jwt.RegisteredClaims{}, keyFunc)
}

func envKeyFunc(t *jwt.Token) (interface{}, error) {
	return []byte(os.Getenv("JWT_SECRET")), nil
}

func parseFromEnv(s string) (*jwt.Token, error) {
	return jwt.Parse(s, envKeyFunc, jwt.WithValidMethods([]string{"HS256"}))
}

func signJWX() ([]byte, error) {
	tok := jwxt.New()
	_ = tok.Set(jwxt.SubjectKey, "svc")
	return jwxt.Sign(tok, jwxt.WithKey(jwa.HS256, []byte("jwx-Shared-Secret"))) // want `AV502 high: hardcoded JOSE key "jwx-…ret" \(17 chars\) reaches jwt.WithKey`
}

func rawJWK() (jwk.Key, error) {
	return jwk.FromRaw([]byte("jwk-Raw-Secret-1")) // want `AV502 high: hardcoded JWK key material "jwk-…t-1" \(16 chars\) reaches jwk.FromRaw`
}

func joseSigner() (jose.Signer, error) {
	return jose.NewSigner(jose.SigningKey{
		Algorithm: jose.HS256,
		Key:       []byte("jose-Signing-Key-1"), // want `AV502 high: hardcoded JOSE signing key "jose…y-1" \(18 chars\) reaches jose.SigningKey.Key`
	}, nil)
}
