package middleware

import (
	"context"
	"net/http"
	"strings"

	"example.com/apivettest/corpus/ledger/internal/auth"
)

type ctxKey struct{}

// Bearer authenticates requests with the Authorization header.
func Bearer(iss *auth.Issuer) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			raw, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
			if !ok {
				http.Error(w, "missing bearer token", http.StatusUnauthorized)
				return
			}
			claims, err := iss.ParseAccess(raw)
			if err != nil {
				http.Error(w, "invalid token", http.StatusUnauthorized)
				return
			}
			next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, claims)))
		})
	}
}

// Claims returns the caller's claims.
func Claims(r *http.Request) *auth.AccessClaims {
	c, _ := r.Context().Value(ctxKey{}).(*auth.AccessClaims)
	return c
}
