// Package echoapp wires labstack/echo-jwt.
package echoapp

import (
	"errors"
	"os"

	"github.com/golang-jwt/jwt/v5"
	echojwt "github.com/labstack/echo-jwt/v4"
	"github.com/labstack/echo/v4"
)

func anyAlg(*jwt.Token) (interface{}, error) { return []byte(os.Getenv("JWT_SECRET")), nil }

// Routes wires the middleware several ways.
func Routes(e *echo.Echo) {
	// Safe: the default keyfunc checks SigningMethod.
	e.Group("/api", echojwt.WithConfig(echojwt.Config{SigningKey: []byte(os.Getenv("JWT_SECRET"))}))

	// A custom keyfunc replaces that check.
	e.Group("/admin", echojwt.WithConfig(echojwt.Config{KeyFunc: anyAlg})) // want `AV103 medium: keyfunc anyAlg returns the key without checking token.Method and echo-jwt has no jwt.WithValidMethods option`

	// A custom keyfunc that checks: safe.
	e.Group("/ops", echojwt.WithConfig(echojwt.Config{
		KeyFunc: func(t *jwt.Token) (interface{}, error) {
			if t.Method != jwt.SigningMethodHS256 {
				return nil, errors.New("unexpected signing method")
			}
			return []byte(os.Getenv("JWT_SECRET")), nil
		},
	}))

	// A short secret.
	e.Group("/legacy", echojwt.JWT([]byte("secret"))) // want `AV107 high: the echojwt.JWT key is 6 bytes`

	// A custom ParseTokenFunc makes KeyFunc unused: safe.
	e.Group("/custom", echojwt.WithConfig(echojwt.Config{
		KeyFunc: anyAlg,
		ParseTokenFunc: func(c echo.Context, auth string) (interface{}, error) {
			return jwt.Parse(auth, anyAlg, jwt.WithValidMethods([]string{"HS256"}))
		},
	}))
}
