// Package catalog is the title catalog and watch history on PostgreSQL (pgx).
package catalog

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

type Title struct {
	ID    int64  `json:"id"`
	Slug  string `json:"slug"`
	Name  string `json:"name"`
	Views int64  `json:"views"`
}

type View struct {
	UserID  string
	TitleID int64
	Seconds int
}

// Repository is what the handlers need.
type Repository interface {
	Search(ctx context.Context, q, sort string) ([]Title, error)
	BySlug(ctx context.Context, slug string) (*Title, error)
	RecordViews(ctx context.Context, views []View) error
	Track(ctx context.Context, region, event string) error
	Reserve(ctx context.Context, userID string, titleID int64) error
}

type PG struct{ pool *pgxpool.Pool }

func New(pool *pgxpool.Pool) *PG { return &PG{pool: pool} }

func collect(rows pgx.Rows) ([]Title, error) {
	return pgx.CollectRows(rows, pgx.RowToStructByPos[Title])
}

func (p *PG) Search(ctx context.Context, q, sort string) ([]Title, error) {
	sql := "SELECT id, slug, name, views FROM titles WHERE name ILIKE $1"
	if sort != "" {
		sql += " ORDER BY " + sort
	}
	// the sort parameter from the query string is appended to the SQL
	rows, err := p.pool.Query(ctx, sql, "%"+q+"%") // vuln:sql
	if err != nil {
		return nil, err
	}
	return collect(rows)
}

func (p *PG) BySlug(ctx context.Context, slug string) (*Title, error) {
	var t Title
	// the slug from the URL is quoted into the query
	err := p.pool.QueryRow(ctx, fmt.Sprintf("SELECT id, slug, name, views FROM titles WHERE slug = '%s'", slug)).Scan(&t.ID, &t.Slug, &t.Name, &t.Views) // vuln:sql
	return &t, err
}

func (p *PG) RecordViews(ctx context.Context, views []View) error {
	b := &pgx.Batch{}
	perTitle := map[int64]int{}
	for _, v := range views {
		// placeholders for every value
		b.Queue("INSERT INTO watch_history (user_id, title_id, seconds) VALUES ($1, $2, $3)", v.UserID, v.TitleID, v.Seconds) // safe:sql
		perTitle[v.TitleID]++
	}
	for id, n := range perTitle {
		// an int with %d and the id as an argument
		b.Queue(fmt.Sprintf("UPDATE titles SET views = views + %d WHERE id = $1", n), id) // safe:sql
	}
	return p.pool.SendBatch(ctx, b).Close()
}

func (p *PG) Track(ctx context.Context, region, event string) error {
	// the per-region table name comes from a request header
	_, err := p.pool.Exec(ctx, "INSERT INTO events_"+region+" (name) VALUES ($1)", event) // vuln:sql
	return err
}

func (p *PG) Reserve(ctx context.Context, userID string, titleID int64) error {
	tx, err := p.pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	var seats int
	// constant SQL inside the transaction
	if err := tx.QueryRow(ctx, "SELECT seats_left FROM premieres WHERE title_id = $1 FOR UPDATE", titleID).Scan(&seats); err != nil { // safe:sql
		return err
	}
	if seats <= 0 {
		return fmt.Errorf("premiere %d is full", titleID)
	}
	if _, err := tx.Exec(ctx, "UPDATE premieres SET seats_left = seats_left - 1 WHERE title_id = $1", titleID); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, "INSERT INTO premiere_seats (title_id, user_id) VALUES ($1, $2)", titleID, userID); err != nil {
		return err
	}
	return tx.Commit(ctx)
}
