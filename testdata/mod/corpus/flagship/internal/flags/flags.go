// Package flags is the feature-flag domain: models and the repository interface.
package flags

import (
	"context"
	"time"
)

type Flag struct {
	ID            uint   `gorm:"primaryKey"`
	ProjectID     uint   `gorm:"index"`
	EnvironmentID uint   `gorm:"index"`
	Key           string `gorm:"size:128"`
	Enabled       bool
	Rollout       int
	Tags          string
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

type Environment struct {
	ID           uint `gorm:"primaryKey"`
	ProjectID    uint
	Key          string
	ServerKey    string
	ServerKeySum string
}

type User struct {
	ID           uint `gorm:"primaryKey"`
	Email        string
	PasswordHash []byte
}

type ListOptions struct {
	Sort string
	Dir  string
	Tag  string
}

// Repository is implemented by package store.
type Repository interface {
	ByKey(ctx context.Context, envID uint, key string) (*Flag, error)
	List(ctx context.Context, projectID uint, opts ListOptions) ([]Flag, error)
	ListSorted(ctx context.Context, projectID uint, sortKey string) ([]Flag, error)
	SetRollout(ctx context.Context, id uint, pct int) error
	Recent(ctx context.Context, projectID uint, n int) ([]Flag, error)
	ForEnvironmentKey(ctx context.Context, envKey string) ([]Flag, error)
	Environment(ctx context.Context, key string) (*Environment, error)
	UserByEmail(ctx context.Context, email string) (*User, error)
	CreateUser(ctx context.Context, u *User) error
}
