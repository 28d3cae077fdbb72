package helpers

import (
	"context"
	"database/sql"

	"gorm.io/gorm"
)

type Store struct {
	db   *sql.DB
	gorm *gorm.DB
}

// query passes its statement straight to database/sql.
func (s *Store) query(ctx context.Context, q string, args ...any) (*sql.Rows, error) { // want query:`sinks 1→sql-query \(\*sql.DB\).QueryContext`
	return s.db.QueryContext(ctx, q, args...)
}

// List goes through query: a helper of a helper.
func (s *Store) List(ctx context.Context, stmt string) (*sql.Rows, error) { // want List:`sinks 1→sql-query \(\*sql.DB\).QueryContext`
	return s.query(ctx, stmt)
}

// Order hands a gorm clause through a local copy.
func (s *Store) Order(col string) *gorm.DB { // want Order:`sinks 0→sql-fragment \(\*gorm.DB\).Order`
	c := col
	return s.gorm.Order(c)
}

// Safe: the parameter is a value, the statement is constant.
func (s *Store) ByID(ctx context.Context, id string) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, "SELECT * FROM t WHERE id = $1", id)
}

// Reassigned parameters are not passed through unchanged.
func (s *Store) Trimmed(ctx context.Context, q string) (*sql.Rows, error) {
	q = "SELECT 1"
	return s.db.QueryContext(ctx, q)
}

// Exists builds its where clause into the statement: callers are checked.
func (s *Store) Exists(ctx context.Context, table, where string, args ...any) (bool, error) { // want Exists:`sinks 1→sql-query \(built\) \(\*sql.DB\).QueryRowContext, 2→sql-query \(built\) \(\*sql.DB\).QueryRowContext`
	var ok bool
	err := s.db.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM "+table+" WHERE "+where+")", args...).Scan(&ok)
	return ok, err
}
