// Package dbutil has small helpers over database/sql.
package dbutil

import (
	"context"
	"database/sql"
)

// Row is a generic result row.
type Row map[string]any

// QueryMaps runs a query and returns the rows as maps. It passes the query
// through; whether it is safe depends on the caller.
func QueryMaps(ctx context.Context, db *sql.DB, query string, args ...any) ([]Row, error) {
	// a pass-through helper: the query is its parameter
	rows, err := db.QueryContext(ctx, query, args...) // safe:sql
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	var out []Row
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		r := Row{}
		for i, c := range cols {
			r[c] = vals[i]
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
