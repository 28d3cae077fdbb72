package middleware

import (
	"context"
	"net/http"
	"strings"

	"example.com/apivettest/corpus/wallet/internal/auth"
)

type ctxKey struct{}

// UserID returns the authenticated user id stored by Bearer.
func UserID(ctx context.Context) string {
	id, _ := ctx.Value(ctxKey{}).(string)
	return id
}

// Bearer authenticates requests with an access token in the Authorization header.
func Bearer(tokens *auth.Issuer) Middleware {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			raw, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
			if !ok {
				http.Error(w, "missing bearer token", http.StatusUnauthorized)
				return
			}
			claims, err := tokens.ParseAccess(raw)
			if err != nil {
				http.Error(w, "invalid token", http.StatusUnauthorized)
				return
			}
			next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, claims.Subject)))
		})
	}
}
