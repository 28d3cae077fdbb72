// Package repository declares hireloop's storage interface.
package repository

import (
	"context"
	"time"
)

type Application struct {
	ID          int64
	JobID       int64
	CandidateID int64
	Name        string
	Email       string
	Stage       string
	Source      string
	CreatedAt   time.Time
}

type Candidate struct {
	ID           int64
	Email        string
	PasswordHash []byte
}

type Applications interface {
	ForJob(ctx context.Context, jobID int64, sort string) ([]Application, error)
	Search(ctx context.Context, jobID int64, name string) ([]Application, error)
	MoveStage(ctx context.Context, id int64, stage string) error
	CountInStage(ctx context.Context, stage string) (int, error)
	CountFromSource(ctx context.Context, source string) (int, error)
	Notes(ctx context.Context, kind string, applicationID int64) ([]string, error)
	Create(ctx context.Context, a *Application) (int64, error)
	SetCandidatePassword(ctx context.Context, candidateID int64, hash []byte) error
}
