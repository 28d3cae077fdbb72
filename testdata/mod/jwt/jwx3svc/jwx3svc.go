// Package jwx3svc uses lestrrat-go/jwx v3, whose algorithms are functions.
package jwx3svc

import (
	"time"

	"github.com/lestrrat-go/jwx/v3/jwa"
	"github.com/lestrrat-go/jwx/v3/jwt"
)

func build(sub string) jwt.Token {
	tok, _ := jwt.NewBuilder().Subject(sub).Expiration(time.Now().Add(5 * time.Minute)).Build()
	return tok
}

// Unsigned signs with alg none.
func Unsigned(sub string) ([]byte, error) {
	return jwt.Sign(build(sub), jwt.WithKey(jwa.NoSignature(), nil)) // want `AV101 high: token signed with alg "none" \(jwa.NoSignature\(\)\)`
}

// Short verifies with a short key.
func Short(b []byte) (jwt.Token, error) {
	return jwt.Parse(b, jwt.WithKey(jwa.HS256(), []byte("not-long-enough"))) // want `AV107 high: the HMAC verification key is 15 bytes`
}

// Good signs with a configured key: safe.
func Good(sub string, key []byte) ([]byte, error) {
	return jwt.Sign(build(sub), jwt.WithKey(jwa.HS256(), key))
}

// Month builds a 31-day token.
func Month(sub string) (jwt.Token, error) {
	return jwt.NewBuilder().Subject(sub).Expiration(time.Now().Add(31 * 24 * time.Hour)).Build() // want `AV105 medium: access token lifetime 744h exceeds the 24h limit`
}
