// Package store is the users service's data layer.
package store

import (
	"context"
	"errors"
)

// ErrNotFound is returned when no row matches.
var ErrNotFound = errors.New("not found")

// ErrConflict is returned on a unique-key violation.
var ErrConflict = errors.New("already exists")

// User is a row of the users table.
type User struct {
	ID    int64  `json:"id"`
	Email string `json:"email"`
	Name  string `json:"name"`
}

// Users is implemented by the Postgres repository.
type Users interface {
	Find(ctx context.Context, id int64) (*User, error)
	Create(ctx context.Context, u *User) error
	Delete(ctx context.Context, id int64) error
}
