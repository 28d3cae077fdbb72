// Package authn builds the dashboard's gin-jwt middleware.
package authn

import (
	"errors"
	"net/http"

	jwt "github.com/appleboy/gin-jwt/v2"
	"github.com/gin-gonic/gin"
	"golang.org/x/crypto/bcrypt"

	"example.com/apivettest/corpus/flagship/internal/config"
	"example.com/apivettest/corpus/flagship/internal/flags"
)

type login struct {
	Email    string `json:"email" binding:"required,email"`
	Password string `json:"password" binding:"required"`
}

// Dashboard returns the JWT middleware the dashboard uses; the token also
// travels in a SameSite=Strict cookie.
func Dashboard(secret string, repo flags.Repository) (*jwt.GinJWTMiddleware, error) {
	// HS256 with an expiry (Timeout) set
	return jwt.New(&jwt.GinJWTMiddleware{ // safe:jwt
		Realm: "flagship",
		Key:   []byte(secret),
		// one hour
		Timeout: config.SessionTimeout, // safe:jwt
		// forty-five days of refresh, over the 30-day refresh limit
		MaxRefresh:     config.RefreshWindow, // vuln:jwt
		IdentityKey:    "uid",
		TokenLookup:    "header: Authorization, cookie: flagship_jwt",
		SendCookie:     true,
		CookieName:     "flagship_jwt",
		SecureCookie:   true,
		CookieHTTPOnly: true,
		CookieSameSite: http.SameSiteStrictMode,
		PayloadFunc: func(data interface{}) jwt.MapClaims {
			if u, ok := data.(*flags.User); ok {
				return jwt.MapClaims{"uid": u.ID}
			}
			return jwt.MapClaims{}
		},
		Authenticator: func(c *gin.Context) (interface{}, error) {
			var in login
			// the dashboard engine caps bodies with LimitBody
			if err := c.ShouldBindJSON(&in); err != nil { // safe:transport
				return nil, jwt.ErrMissingLoginValues
			}
			u, err := repo.UserByEmail(c.Request.Context(), in.Email)
			if err != nil {
				return nil, jwt.ErrFailedAuthentication
			}
			if bcrypt.CompareHashAndPassword(u.PasswordHash, []byte(in.Password)) != nil {
				return nil, jwt.ErrFailedAuthentication
			}
			return u, nil
		},
	})
}

// ErrWeakPassword is returned by sign-up.
var ErrWeakPassword = errors.New("password must be at least 12 characters") // safe:secrets

// HashPassword hashes a dashboard password.
func HashPassword(pw string) ([]byte, error) {
	if len(pw) < 12 {
		return nil, ErrWeakPassword
	}
	// bcrypt's minimum cost (4)
	return bcrypt.GenerateFromPassword([]byte(pw), bcrypt.MinCost) // vuln:crypto
}

// seedAdminPassword is used by the first-run migration.
const seedAdminPassword = "Fl4gsh1p!Adm1n-2024" // vuln:secrets

// SeedAdmin creates the first admin on an empty database.
func SeedAdmin(repo flags.Repository, c *gin.Context) error {
	hash, err := HashPassword(seedAdminPassword)
	if err != nil {
		return err
	}
	return repo.CreateUser(c.Request.Context(), &flags.User{Email: "admin@flagship.local", PasswordHash: hash})
}
