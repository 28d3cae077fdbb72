// Package dbutil holds query helpers and constants other packages use.
package dbutil

import (
	"context"
	"database/sql"
)

// UsersTable is used to build queries elsewhere.
const UsersTable = "users"

// DefaultOrder is a package variable that is never reassigned.
var DefaultOrder = "created_at DESC"

// Columns returns a constant column list.
func Columns() string { return "id, name, email" }

// DB wraps a handle; its query helpers pass the statement through.
type DB struct{ conn *sql.DB }

// QueryRows runs a statement; callers decide what it is.
func (d *DB) QueryRows(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return d.conn.QueryContext(ctx, query, args...)
}

// Exec runs a statement through a local copy of the parameter.
func Exec(db *sql.DB, stmt string) error {
	q := stmt
	_, err := db.Exec(q)
	return err
}
