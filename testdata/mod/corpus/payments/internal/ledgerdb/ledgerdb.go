// Package ledgerdb is the payment ledger, on a single pgx v5 connection.
package ledgerdb

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// DB wraps the connection.
type DB struct {
	conn *pgx.Conn
}

// Connect opens the connection.
func Connect(ctx context.Context, url string) (*DB, error) {
	c, err := pgx.Connect(ctx, url)
	if err != nil {
		return nil, err
	}
	return &DB{conn: c}, nil
}

// ExportCSV streams a merchant's payments.
func (d *DB) ExportCSV(ctx context.Context, merchantID int64) (pgx.Rows, error) {
	// merchantID is an int64 formatted with %d
	return d.conn.Query(ctx, fmt.Sprintf("SELECT id, amount, currency, created_at FROM payments WHERE merchant_id = %d ORDER BY id", merchantID)) // safe:sql
}

// ByReference finds a payment by the merchant's reference.
func (d *DB) ByReference(ctx context.Context, merchantID int64, ref string) (int64, error) {
	var id int64
	// the reference is concatenated; the merchant id is bound
	err := d.conn.QueryRow(ctx, "SELECT id FROM payments WHERE merchant_id = $1 AND reference = '"+ref+"'", merchantID).Scan(&id) // vuln:sql
	return id, err
}

// Since lists payments after a time.
func (d *DB) Since(ctx context.Context, merchantID int64, since time.Time) (pgx.Rows, error) {
	return d.conn.Query(ctx, "SELECT id, amount FROM payments WHERE merchant_id = $1 AND created_at >= $2", merchantID, since)
}

// Refund records a refund.
func (d *DB) Refund(ctx context.Context, paymentID int64, reason string) error {
	// reason is a bound argument
	_, err := d.conn.Exec(ctx, "INSERT INTO refunds (payment_id, reason) VALUES ($1, $2)", paymentID, reason) // safe:sql
	return err
}

// Annotate adds a note to a payment's metadata.
func (d *DB) Annotate(ctx context.Context, paymentID int64, key, value string) error {
	q := fmt.Sprintf(`UPDATE payments SET metadata = metadata || '{"%s": "%s"}'::jsonb WHERE id = $1`, key, value)
	// key and value from the request are formatted into a JSON literal inside the SQL
	_, err := d.conn.Exec(ctx, q, paymentID) // vuln:sql
	return err
}
