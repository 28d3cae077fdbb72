// Package authmw configures the gin-jwt middlewares of the console and of
// the SCIM API.
package authmw

import (
	"errors"
	"net/http"

	jwt "github.com/appleboy/gin-jwt/v2"
	"github.com/gin-gonic/gin"

	"example.com/apivettest/corpus/tenantly/internal/config"
)

// Authenticator checks console credentials.
type Authenticator interface {
	Check(email, password string) (adminID string, err error)
}

type login struct {
	Email    string `json:"email" binding:"required"`
	Password string `json:"password" binding:"required"`
}

// Console is the console's middleware: a cookie and a header token.
func Console(secret string, auth Authenticator) (*jwt.GinJWTMiddleware, error) {
	// HS256 with a secret from the environment, and a timeout is set
	return jwt.New(&jwt.GinJWTMiddleware{ // safe:jwt
		Realm: "tenantly console",
		Key:   []byte(secret),
		// a three-day access token (config.AdminSessionTimeout)
		Timeout: config.AdminSessionTimeout, // vuln:jwt
		// refreshable for a week: within the 30-day refresh limit
		MaxRefresh:  config.AdminMaxRefresh, // safe:jwt
		IdentityKey: "admin",
		Authenticator: func(c *gin.Context) (interface{}, error) {
			var in login
			// the /auth group wraps the body in http.MaxBytesReader (web.limitBody)
			if err := c.ShouldBindJSON(&in); err != nil { // safe:transport
				return nil, jwt.ErrMissingLoginValues
			}
			id, err := auth.Check(in.Email, in.Password)
			if err != nil {
				return nil, jwt.ErrFailedAuthentication
			}
			return id, nil
		},
		PayloadFunc: func(data interface{}) jwt.MapClaims {
			return jwt.MapClaims{"admin": data}
		},
		SendCookie:     true,
		SecureCookie:   true,
		CookieHTTPOnly: true,
		CookieName:     "tly_console",
		CookieSameSite: http.SameSiteStrictMode,
		// where gin-jwt looks for the token: a lookup spec, not a token
		TokenLookup: "header: Authorization, cookie: tly_console", // safe:secrets
	})
}

// SCIMClients checks SCIM client credentials.
type SCIMClients interface {
	Verify(clientID, clientSecret string) (tenant string, err error)
}

// SCIM is the SCIM API's middleware: fifteen-minute bearer tokens.
func SCIM(secret string, clients SCIMClients) (*jwt.GinJWTMiddleware, error) {
	// the timeout is fifteen minutes, from the config package
	return jwt.New(&jwt.GinJWTMiddleware{ // safe:jwt
		Realm: "tenantly scim",
		Key:   []byte(secret),
		// fifteen minutes
		Timeout: config.ScimTokenTTL, // safe:jwt
		Authenticator: func(c *gin.Context) (interface{}, error) {
			id, sec, ok := c.Request.BasicAuth()
			if !ok {
				return nil, errors.New("client credentials required")
			}
			return clients.Verify(id, sec)
		},
		PayloadFunc: func(data interface{}) jwt.MapClaims {
			return jwt.MapClaims{"tenant": data}
		},
	})
}
