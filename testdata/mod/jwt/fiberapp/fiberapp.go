// Package fiberapp wires gofiber's jwtware.
package fiberapp

import (
	"os"

	"example.com/apivettest/jwt/keys"
	jwtware "github.com/gofiber/contrib/jwt"
	"github.com/gofiber/fiber/v2"
)

// Routes wires the middleware.
func Routes(app *fiber.App) {
	// Safe: a configured key.
	app.Use("/api", jwtware.New(jwtware.Config{
		SigningKey: jwtware.SigningKey{JWTAlg: jwtware.HS256, Key: []byte(os.Getenv("JWT_SECRET"))},
	}))

	// alg none.
	app.Use("/demo", jwtware.New(jwtware.Config{
		SigningKey: jwtware.SigningKey{JWTAlg: "none", Key: []byte(os.Getenv("JWT_SECRET"))}, // want `AV101 high: fiber jwtware configured with alg "none" \(JWTAlg\)`
	}))

	// A keyfunc from the keys package that never checks the algorithm.
	app.Use("/v2", jwtware.New(jwtware.Config{KeyFunc: keys.Loose})) // want `AV103 medium: keyfunc keys.Loose returns the key without checking token.Method and fiber jwtware has no`

	// The checking one: safe.
	app.Use("/v3", jwtware.New(jwtware.Config{KeyFunc: keys.Keyfunc}))
}
