// Package service holds the wallet's business logic.
package service

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/crypto/bcrypt"

	"example.com/apivettest/corpus/wallet/internal/config"
	"example.com/apivettest/corpus/wallet/internal/repository"
)

// ErrBadCredentials is the only error a failed login reveals.
var ErrBadCredentials = errors.New("invalid email or password") // safe:secrets

// ValidationError is a problem with the caller's input.
type ValidationError struct{ Msg string }

func (e *ValidationError) Error() string { return e.Msg }

// Users handles sign-up and login.
type Users struct {
	repo repository.Users
}

func NewUsers(repo repository.Users) *Users { return &Users{repo: repo} }

// Register creates a user after checking the input.
func (s *Users) Register(ctx context.Context, email, password string) (string, error) {
	email = strings.ToLower(strings.TrimSpace(email))
	if !strings.Contains(email, "@") {
		return "", &ValidationError{Msg: "email is not valid"}
	}
	if utf8.RuneCountInString(password) < config.PasswordMinLength {
		return "", &ValidationError{Msg: fmt.Sprintf("password must have at least %d characters", config.PasswordMinLength)}
	}
	// cost 12 from the config package
	hash, err := bcrypt.GenerateFromPassword([]byte(password), config.BcryptCost) // safe:crypto
	if err != nil {
		return "", fmt.Errorf("hash password: %w", err)
	}
	return s.repo.Create(ctx, email, hash)
}

// Login checks a password and returns the user id.
func (s *Users) Login(ctx context.Context, email, password string) (string, error) {
	u, err := s.repo.ByEmail(ctx, strings.ToLower(email))
	if errors.Is(err, repository.ErrNotFound) {
		return "", ErrBadCredentials
	}
	if err != nil {
		return "", fmt.Errorf("load user: %w", err)
	}
	if bcrypt.CompareHashAndPassword(u.PasswordHash, []byte(password)) != nil {
		return "", ErrBadCredentials
	}
	return u.ID, nil
}
