// Package store implements flags.Repository with gorm.
package store

import (
	"context"
	"fmt"

	"gorm.io/driver/postgres"
	"gorm.io/gorm"

	"example.com/apivettest/corpus/flagship/internal/flags"
)

type Gorm struct{ db *gorm.DB }

var _ flags.Repository = (*Gorm)(nil)

func Open(dsn string) (*Gorm, error) {
	db, err := gorm.Open(postgres.Open(dsn), &gorm.Config{})
	if err != nil {
		return nil, fmt.Errorf("store: open: %w", err)
	}
	return &Gorm{db: db}, nil
}

func (g *Gorm) ByKey(ctx context.Context, envID uint, key string) (*flags.Flag, error) {
	var f flags.Flag
	// placeholders with arguments
	err := g.db.WithContext(ctx).Where("environment_id = ? AND key = ?", envID, key).First(&f).Error // safe:sql
	return &f, err
}

func (g *Gorm) List(ctx context.Context, projectID uint, opts flags.ListOptions) ([]flags.Flag, error) {
	q := g.db.WithContext(ctx).Where("project_id = ?", projectID)
	if opts.Tag != "" {
		// the tag from the query string is pasted into an array literal
		q = q.Where(fmt.Sprintf("tags @> '{%s}'", opts.Tag)) // vuln:sql
	}
	if opts.Sort != "" {
		// sort column and direction straight from the query string
		q = q.Order(opts.Sort + " " + opts.Dir) // vuln:sql
	}
	var out []flags.Flag
	return out, q.Find(&out).Error
}

var sortClauses = map[string]string{
	"key":     "key ASC",
	"updated": "updated_at DESC",
	"rollout": "rollout DESC",
}

func (g *Gorm) ListSorted(ctx context.Context, projectID uint, sortKey string) ([]flags.Flag, error) {
	clause, ok := sortClauses[sortKey]
	if !ok {
		clause = sortClauses["key"]
	}
	var out []flags.Flag
	// the ORDER BY clause is looked up in a map of constants
	err := g.db.WithContext(ctx).Where("project_id = ?", projectID).Order(clause).Find(&out).Error // safe:sql
	return out, err
}

func (g *Gorm) SetRollout(ctx context.Context, id uint, pct int) error {
	// an int formatted with %d and a placeholder for the id
	return g.db.WithContext(ctx).Exec(fmt.Sprintf("UPDATE flags SET rollout = %d, updated_at = now() WHERE id = ?", pct), id).Error // safe:sql
}

func (g *Gorm) Recent(ctx context.Context, projectID uint, n int) ([]flags.Flag, error) {
	var out []flags.Flag
	// constant SQL with placeholders
	err := g.db.WithContext(ctx).Raw("SELECT * FROM flags WHERE project_id = ? ORDER BY updated_at DESC LIMIT ?", projectID, n).Scan(&out).Error // safe:sql
	return out, err
}

func (g *Gorm) ForEnvironmentKey(ctx context.Context, envKey string) ([]flags.Flag, error) {
	var out []flags.Flag
	// the join condition binds the key as an argument
	err := g.db.WithContext(ctx).Joins("JOIN environments e ON e.id = flags.environment_id AND e.key = ?", envKey).Find(&out).Error // safe:sql
	return out, err
}

func (g *Gorm) Environment(ctx context.Context, key string) (*flags.Environment, error) {
	var e flags.Environment
	err := g.db.WithContext(ctx).Where(&flags.Environment{Key: key}).First(&e).Error
	return &e, err
}

func (g *Gorm) UserByEmail(ctx context.Context, email string) (*flags.User, error) {
	var u flags.User
	err := g.db.WithContext(ctx).Where("email = ?", email).First(&u).Error
	return &u, err
}

func (g *Gorm) CreateUser(ctx context.Context, u *flags.User) error {
	return g.db.WithContext(ctx).Create(u).Error
}

// AuditSearch is used by the support console to grep the audit log.
func (g *Gorm) AuditSearch(ctx context.Context, actor string) ([]map[string]any, error) {
	var out []map[string]any
	// the actor is concatenated into a Raw query
	err := g.db.WithContext(ctx).Raw("SELECT * FROM audit_log WHERE actor = '" + actor + "' ORDER BY at DESC LIMIT 100").Scan(&out).Error // vuln:sql
	return out, err
}
