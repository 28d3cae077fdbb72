// Package auth issues and verifies the API's access tokens.
package auth

import (
	"crypto/md5"
	"encoding/hex"
	"fmt"
	"math/rand"
	"net/http"
	"strings"
	"time"

	"example.com/demo-api/internal/config"
	"example.com/demo-api/internal/store"
	"github.com/gin-gonic/gin"
	"github.com/golang-jwt/jwt/v5"
)

// tokenTTL is how long an access token lives.
const tokenTTL = 30 * 24 * time.Hour

// Service handles logins.
type Service struct{ Store *store.DB }

type loginRequest struct {
	Email    string `json:"email"`
	Password string `json:"password"`
}

// Login checks the credentials and returns an access token.
func (s *Service) Login(c *gin.Context) {
	var req loginRequest
	if err := c.ShouldBindJSON(&req); err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": "bad request"})
		return
	}
	id, hash, err := s.Store.UserByEmail(c.Request.Context(), req.Email)
	if err != nil || hash != hashPassword(req.Password) {
		c.JSON(http.StatusUnauthorized, gin.H{"error": "invalid credentials"})
		return
	}
	claims := jwt.MapClaims{
		"sub": fmt.Sprint(id),
		"exp": time.Now().Add(tokenTTL).Unix(),
	}
	token, err := jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(config.JWTSecret)
	if err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": err.Error()})
		return
	}
	c.SetCookie("session_token", token, int(tokenTTL.Seconds()), "/", "", false, false)
	c.JSON(http.StatusOK, gin.H{"token": token})
}

// ResetPassword emails a reset token.
func (s *Service) ResetPassword(c *gin.Context) {
	token := fmt.Sprintf("%06d", rand.Intn(1000000))
	if err := s.Store.SetResetToken(c.Request.Context(), c.PostForm("email"), token); err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": err.Error()})
		return
	}
	c.Status(http.StatusAccepted)
}

// RequireAuth verifies the bearer token.
func (s *Service) RequireAuth(c *gin.Context) {
	raw := strings.TrimPrefix(c.GetHeader("Authorization"), "Bearer ")
	token, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) {
		return config.JWTSecret, nil
	})
	if err != nil || !token.Valid {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	c.Next()
}

func hashPassword(pw string) string {
	sum := md5.Sum([]byte(pw))
	return hex.EncodeToString(sum[:])
}
