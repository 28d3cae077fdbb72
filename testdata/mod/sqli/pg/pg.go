package pg

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

type Repo struct{ pool *pgxpool.Pool }

func (r *Repo) Find(ctx context.Context, email string) error {
	rows, err := r.pool.Query(ctx, "SELECT id FROM users WHERE email = '"+email+"'") // want `query built with concatenation from parameter "email" reaches \(\*pgxpool.Pool\).Query; use a placeholder \(\$1\)`
	if err != nil {
		return err
	}
	rows.Close()
	return nil
}

func (r *Repo) FindSafe(ctx context.Context, email string) error {
	var id int
	return r.pool.QueryRow(ctx, "SELECT id FROM users WHERE email = $1", email).Scan(&id)
}

func (r *Repo) Tx(ctx context.Context, tenant string, ids []int) error {
	tx, err := r.pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, fmt.Sprintf("SET search_path TO %s", tenant)); err != nil { // want `query built with fmt.Sprintf from parameter "tenant" reaches \(pgx.Tx\).Exec; choose the identifier`
		return err
	}
	b := &pgx.Batch{}
	for _, id := range ids {
		b.Queue("DELETE FROM items WHERE id = $1", id)
		b.Queue(fmt.Sprintf("DELETE FROM audit WHERE item = %d", id))
		b.Queue("INSERT INTO log (msg) VALUES ('" + tenant + "')") // want `reaches \(\*pgx.Batch\).Queue`
	}
	return tx.SendBatch(ctx, b).Close()
}

// querier is satisfied by *pgx.Conn and pgx.Tx.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
}

// queryAll is a generic pass-through helper.
func queryAll[T any](ctx context.Context, q querier, sql string, args ...any) ([]T, error) {
	rows, err := q.Query(ctx, sql, args...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowToStructByName[T])
}

type row struct{ ID string }

func (r *Repo) Search(ctx context.Context, conn *pgx.Conn, text string) ([]row, error) {
	if _, err := queryAll[row](ctx, conn, "SELECT id FROM users WHERE team = $1", text); err != nil {
		return nil, err
	}
	return queryAll[row](ctx, conn, fmt.Sprintf("SELECT id FROM users WHERE email LIKE '%s%%'", text)) // want `query built with fmt.Sprintf from parameter "text" reaches pg.queryAll \(which runs it with \(pg.querier\).Query\)`
}
