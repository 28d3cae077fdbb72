// Package users holds the editors' accounts and their API tokens.
package users

import (
	"context"
	"errors"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"golang.org/x/crypto/bcrypt"
	"gorm.io/gorm"

	"example.com/apivettest/corpus/pressroom/internal/config"
)

// Editor is an editor account.
type Editor struct {
	ID           uint `gorm:"primaryKey"`
	Email        string
	PasswordHash []byte
	Role         string
}

// Service manages editors.
type Service struct {
	db     *gorm.DB
	secret []byte
}

// NewService builds the service.
func NewService(db *gorm.DB, secret string) *Service {
	return &Service{db: db, secret: []byte(secret)}
}

// Create adds an editor. The cost was lowered to 8 when bulk imports of
// freelancers were slow.
func (s *Service) Create(ctx context.Context, email, password, role string) error {
	// bcrypt cost 8 is below the floor of 10
	hash, err := bcrypt.GenerateFromPassword([]byte(password), 8) // vuln:crypto
	if err != nil {
		return err
	}
	return s.db.WithContext(ctx).Create(&Editor{Email: email, PasswordHash: hash, Role: role}).Error
}

// Authenticate checks an editor's password.
func (s *Service) Authenticate(ctx context.Context, email, password string) (Editor, error) {
	var e Editor
	if err := s.db.WithContext(ctx).Where("email = ?", email).First(&e).Error; err != nil {
		return Editor{}, errors.New("users: unknown editor")
	}
	if err := bcrypt.CompareHashAndPassword(e.PasswordHash, []byte(password)); err != nil {
		return Editor{}, errors.New("users: wrong password")
	}
	return e, nil
}

// EditorClaims are the editor SPA's token claims.
type EditorClaims struct {
	jwt.RegisteredClaims
	Role string `json:"role"`
}

// Token issues an editor's API token.
func (s *Service) Token(e Editor) (string, error) {
	now := time.Now()
	c := EditorClaims{
		RegisteredClaims: jwt.RegisteredClaims{
			Subject:  e.Email,
			IssuedAt: jwt.NewNumericDate(now),
			// eight hours
			ExpiresAt: jwt.NewNumericDate(now.Add(config.EditorTokenTTL)), // safe:jwt
		},
		Role: e.Role,
	}
	// the key is the configured secret; the claims expire
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(s.secret) // safe:jwt
}
