// Package forked uses the form3tech fork, which fixed CVE-2020-26160.
package forked

import (
	"os"

	jwt "github.com/form3tech-oss/jwt-go"
)

// Keyfunc returns the key without checking the method.
var Keyfunc jwt.Keyfunc = func(t *jwt.Token) (interface{}, error) {
	return []byte(os.Getenv("JWT_SECRET")), nil
}

// Verify uses it.
func Verify(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, Keyfunc) // want `AV103 medium: keyfunc Keyfunc returns the key without checking token.Method`
}
