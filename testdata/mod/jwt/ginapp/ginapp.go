// Package ginapp wires appleboy/gin-jwt.
package ginapp

import (
	"errors"
	"os"
	"time"

	jwtmw "github.com/appleboy/gin-jwt/v2"
	"github.com/gin-gonic/gin"
	jwt "github.com/golang-jwt/jwt/v4"
)

func authenticate(c *gin.Context) (interface{}, error) { return c.PostForm("user"), nil }

// Middleware is the production configuration: one-hour tokens refreshable
// for a week, safe.
func Middleware() (*jwtmw.GinJWTMiddleware, error) {
	return jwtmw.New(&jwtmw.GinJWTMiddleware{
		Realm:         "api",
		Key:           []byte(os.Getenv("JWT_SECRET")),
		Timeout:       time.Hour,
		MaxRefresh:    7 * 24 * time.Hour,
		Authenticator: authenticate,
	})
}

// LongLived keeps users signed in for a week and lets them refresh for
// three months.
func LongLived() (*jwtmw.GinJWTMiddleware, error) {
	return jwtmw.New(&jwtmw.GinJWTMiddleware{
		Realm:         "api",
		Key:           []byte(os.Getenv("JWT_SECRET")),
		Timeout:       7 * 24 * time.Hour,  // want `AV105 medium: access token lifetime \(Timeout\) 168h exceeds the 24h limit`
		MaxRefresh:    90 * 24 * time.Hour, // want `AV105 medium: refresh window \(MaxRefresh\) 2160h exceeds the 720h limit`
		Authenticator: authenticate,
	})
}

// Insecure is a copy-pasted demo configuration.
func Insecure() (*jwtmw.GinJWTMiddleware, error) {
	mw := &jwtmw.GinJWTMiddleware{ // want `AV101 high: gin-jwt configured with alg "none" \(SigningAlgorithm\)` `AV107 high: the gin-jwt Key is 10 bytes`
		Realm:            "demo",
		SigningAlgorithm: "none",
		Key:              []byte("secret key"),
		Authenticator:    authenticate,
	}
	mw.Timeout = 30 * 24 * time.Hour // want `AV105 medium: access token lifetime \(Timeout\) 720h exceeds the 24h limit`
	return jwtmw.New(mw)
}

func anyAlg(*jwt.Token) (interface{}, error) { return []byte(os.Getenv("JWT_SECRET")), nil }

func hmacOnly(t *jwt.Token) (interface{}, error) {
	if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
		return nil, errors.New("unexpected signing method")
	}
	return []byte(os.Getenv("JWT_SECRET")), nil
}

// WithKeyFunc supplies a keyfunc that never looks at the algorithm.
func WithKeyFunc() (*jwtmw.GinJWTMiddleware, error) {
	return jwtmw.New(&jwtmw.GinJWTMiddleware{ // want `AV103 medium: keyfunc anyAlg returns the key without checking token.Method and gin-jwt has no jwt.WithValidMethods option`
		Realm:         "api",
		KeyFunc:       anyAlg,
		Authenticator: authenticate,
	})
}

// WithCheckedKeyFunc checks it: safe.
func WithCheckedKeyFunc() (*jwtmw.GinJWTMiddleware, error) {
	return jwtmw.New(&jwtmw.GinJWTMiddleware{
		Realm:         "api",
		KeyFunc:       hmacOnly,
		Authenticator: authenticate,
	})
}

// WithParseOptions restricts the methods instead: safe.
func WithParseOptions() (*jwtmw.GinJWTMiddleware, error) {
	return jwtmw.New(&jwtmw.GinJWTMiddleware{
		Realm:         "api",
		KeyFunc:       anyAlg,
		ParseOptions:  []jwt.ParserOption{jwt.WithValidMethods([]string{"HS256"})},
		Authenticator: authenticate,
	})
}
