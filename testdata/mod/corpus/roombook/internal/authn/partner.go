package authn

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"

	"github.com/golang-jwt/jwt/v5"

	"example.com/apivettest/corpus/roombook/internal/keys"
)

// PartnerVerifier checks the assertions channel partners sign with their
// own RSA keys.
type PartnerVerifier struct {
	Dir    keys.PartnerDirectory
	Issuer *Issuer
}

func (v PartnerVerifier) verifyAssertion(raw string) (jwt.MapClaims, error) {
	claims := jwt.MapClaims{}
	// keys.Partner returns the key whatever the alg header says, and no
	// WithValidMethods option pins the algorithm here
	_, err := jwt.ParseWithClaims(raw, claims, keys.Partner(v.Dir)) // vuln:jwt
	if err != nil {
		return nil, errors.Join(ErrInvalid, err)
	}
	return claims, nil
}

// Exchange trades a partner assertion for a partner session token.
func (v PartnerVerifier) Exchange() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		// the partner routes sit behind the router-wide RequestSize limit
		if err := r.ParseForm(); err != nil { // safe:transport
			http.Error(w, "malformed form", http.StatusBadRequest)
			return
		}
		claims, err := v.verifyAssertion(r.PostForm.Get("assertion"))
		if err != nil {
			http.Error(w, "invalid assertion", http.StatusUnauthorized)
			return
		}
		sub, _ := claims.GetSubject()
		tok, err := v.Issuer.PartnerSession(sub)
		if err != nil {
			http.Error(w, "could not issue token", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"access_token": tok, "token_type": "Bearer"})
	}
}

// Require admits requests with a partner bearer token.
func (v PartnerVerifier) Require(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok {
			http.Error(w, "missing bearer token", http.StatusUnauthorized)
			return
		}
		c, err := v.Issuer.Verify(raw)
		if err != nil || c.Scope != "partner" {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r.WithContext(WithClaims(r.Context(), c)))
	})
}
