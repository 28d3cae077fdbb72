// Package sqlutil has small query helpers shared by the wiki's stores.
package sqlutil

import (
	"context"
	"database/sql"
)

// Count counts the rows of table that match where; where may use ? placeholders.
func Count(ctx context.Context, db *sql.DB, table, where string, args ...any) (int, error) {
	var n int
	// callers pass constant table names and where clauses with placeholders
	err := db.QueryRowContext(ctx, "SELECT COUNT(*) FROM "+table+" WHERE "+where, args...).Scan(&n) // safe:sql
	return n, err
}
