// Package store is the service's data access layer.
package store

import (
	"context"
	"database/sql"
	"fmt"
)

// Order is one row of the orders table.
type Order struct {
	ID     int64
	Status string
	Total  int64
}

// DB wraps the database handle.
type DB struct{ sql *sql.DB }

// Open connects to the database.
func Open(dsn string) (*DB, error) {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, err
	}
	return &DB{sql: db}, nil
}

// ListOrders lists orders with a status filter and a sort column.
func (d *DB) ListOrders(ctx context.Context, status, sort string) ([]Order, error) {
	q := fmt.Sprintf("SELECT id, status, total FROM orders WHERE status = '%s' ORDER BY %s", status, sort)
	rows, err := d.sql.QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Order
	for rows.Next() {
		var o Order
		if err := rows.Scan(&o.ID, &o.Status, &o.Total); err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// UserByEmail finds a user's id and password hash.
func (d *DB) UserByEmail(ctx context.Context, email string) (id int64, hash string, err error) {
	err = d.sql.QueryRowContext(ctx, "SELECT id, password_hash FROM users WHERE email = $1", email).Scan(&id, &hash)
	return
}

// SetResetToken stores a password-reset token.
func (d *DB) SetResetToken(ctx context.Context, email, token string) error {
	_, err := d.sql.ExecContext(ctx, "UPDATE users SET reset_token = '"+token+"' WHERE email = $1", email)
	return err
}
