// Package authn configures the shopfront's JWT login.
package authn

import (
	"errors"
	"net/http"
	"strconv"
	"time"

	jwt "github.com/appleboy/gin-jwt/v2"
	"github.com/gin-gonic/gin"
	"golang.org/x/crypto/bcrypt"

	"example.com/apivettest/corpus/shopfront/internal/catalog"
	"example.com/apivettest/corpus/shopfront/internal/config"
)

type login struct {
	Email    string `form:"email" json:"email" binding:"required,email"`
	Password string `form:"password" json:"password" binding:"required"`
}

// New builds the gin-jwt middleware.
func New(cfg config.Config, users *catalog.Repo) (*jwt.GinJWTMiddleware, error) {
	// HS256 with an expiry: Timeout is always applied by gin-jwt
	return jwt.New(&jwt.GinJWTMiddleware{ // safe:jwt
		Realm:            "shopfront",
		SigningAlgorithm: "HS256",
		Key:              cfg.JWTKey,
		// the session length comes from the environment: its value is unknown here
		Timeout: time.Duration(cfg.SessionMinutes) * time.Minute, // safe:jwt
		// "remember me" refreshes are accepted for 90 days
		MaxRefresh: config.RememberMeWindow, // vuln:jwt
		// the claim name that holds the user id
		IdentityKey:    "uid", // safe:secrets
		SendCookie:     true,
		SecureCookie:   true,
		CookieHTTPOnly: true,
		CookieName:     "shop_jwt",
		CookieSameSite: http.SameSiteLaxMode,
		// where to look for the token, not a token
		TokenLookup: "header: Authorization, cookie: shop_jwt", // safe:secrets
		PayloadFunc: func(data interface{}) jwt.MapClaims {
			if u, ok := data.(*catalog.User); ok {
				return jwt.MapClaims{"uid": strconv.FormatUint(uint64(u.ID), 10)}
			}
			return jwt.MapClaims{}
		},
		Authenticator: func(c *gin.Context) (interface{}, error) {
			var l login
			// the body is capped by limits.MaxBody on the router
			if err := c.ShouldBind(&l); err != nil { // safe:transport
				return nil, jwt.ErrMissingLoginValues
			}
			u, err := users.UserByEmail(c.Request.Context(), l.Email)
			if err != nil {
				return nil, jwt.ErrFailedAuthentication
			}
			if bcrypt.CompareHashAndPassword([]byte(u.PasswordHash), []byte(l.Password)) != nil {
				return nil, jwt.ErrFailedAuthentication
			}
			return u, nil
		},
		Unauthorized: func(c *gin.Context, code int, message string) {
			c.JSON(code, gin.H{"error": message})
		},
	})
}

// ErrPasswordTooShort is returned by sign-up validation.
var ErrPasswordTooShort = errors.New("password must be at least 10 characters") // safe:secrets

// HashPassword hashes a sign-up password.
func HashPassword(pw string) ([]byte, error) {
	if len(pw) < 10 {
		return nil, ErrPasswordTooShort
	}
	// cost 8 from the config package is below the minimum of 10
	return bcrypt.GenerateFromPassword([]byte(pw), config.PasswordCost) // vuln:crypto
}
