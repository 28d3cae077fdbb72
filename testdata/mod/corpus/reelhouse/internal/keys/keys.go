// Package keys holds keyfuncs for reelhouse's tokens.
package keys

import (
	"fmt"

	jwtv4 "github.com/golang-jwt/jwt/v4"
	jwtv5 "github.com/golang-jwt/jwt/v5"
)

// Playback is the keyfunc for playback tokens (golang-jwt v4).
func Playback(key []byte) jwtv4.Keyfunc {
	return func(t *jwtv4.Token) (interface{}, error) {
		if t.Method != jwtv4.SigningMethodHS256 {
			return nil, fmt.Errorf("keys: playback token signed with %s", t.Method.Alg())
		}
		return key, nil
	}
}

// Device is the keyfunc the TV app's middleware uses (golang-jwt v5).
func Device(key []byte) jwtv5.Keyfunc {
	return func(*jwtv5.Token) (interface{}, error) {
		return key, nil
	}
}

// ByKid looks a partner key up by kid and checks the method.
func ByKid(keys map[string][]byte) jwtv4.Keyfunc {
	return func(t *jwtv4.Token) (interface{}, error) {
		if _, ok := t.Method.(*jwtv4.SigningMethodHMAC); !ok {
			return nil, fmt.Errorf("keys: unexpected method %s", t.Method.Alg())
		}
		kid, _ := t.Header["kid"].(string)
		k, ok := keys[kid]
		if !ok {
			return nil, fmt.Errorf("keys: unknown kid %q", kid)
		}
		return k, nil
	}
}
