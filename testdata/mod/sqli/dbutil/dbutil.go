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

// Count counts the rows of table matching where (with ? placeholders): a
// helper whose callers supply SQL text, checked where it is called.
func Count(ctx context.Context, db *sql.DB, table, where string, args ...any) (int, error) {
	var n int
	err := db.QueryRowContext(ctx, "SELECT COUNT(*) FROM "+table+" WHERE "+where, args...).Scan(&n)
	return n, err
}

// DropTable takes only a table name: its own query is checked.
func DropTable(db *sql.DB, name string) error {
	_, err := db.Exec("DROP TABLE " + name) // want `query built with concatenation from parameter "name" reaches \(\*sql.DB\).Exec; choose the identifier`
	return err
}
