// Package store is the ledger's Postgres repository.
package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	_ "github.com/lib/pq"
)

// Store wraps the connection pool.
type Store struct {
	db *sql.DB
}

// Open connects with the DSN from the configuration.
func Open(dsn string) (*Store, error) {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(20)
	db.SetConnMaxIdleTime(5 * time.Minute)
	return &Store{db: db}, nil
}

// Account is a ledger account.
type Account struct {
	ID           int64
	Email        string
	PasswordHash []byte
	Status       string
}

// Txn is one ledger entry.
type Txn struct {
	ID          int64
	AmountCents int64
	Memo        string
	CreatedAt   time.Time
}

const accountColumns = "id, email, password_hash, status"

// AccountByEmail loads an account for login.
func (s *Store) AccountByEmail(ctx context.Context, email string) (*Account, error) {
	var a Account
	// only constants are concatenated; the email is a bound argument
	row := s.db.QueryRowContext(ctx, "SELECT "+accountColumns+" FROM accounts WHERE lower(email) = lower($1)", email) // safe:sql
	if err := row.Scan(&a.ID, &a.Email, &a.PasswordHash, &a.Status); err != nil {
		return nil, err
	}
	return &a, nil
}

var sortColumns = map[string]string{
	"created": "created_at",
	"amount":  "amount_cents",
	"memo":    "memo",
}

// ListTransactions pages through an account's entries.
func (s *Store) ListTransactions(ctx context.Context, accountID int64, sort string, desc bool, limit int) ([]Txn, error) {
	col, ok := sortColumns[sort]
	if !ok {
		col = "created_at"
	}
	dir := "ASC"
	if desc {
		dir = "DESC"
	}
	q := "SELECT id, amount_cents, memo, created_at FROM transactions WHERE account_id = $1 ORDER BY " + col + " " + dir
	q += fmt.Sprintf(" LIMIT %d", limit)
	// the column comes from an allow-list map and the limit is an int
	rows, err := s.db.QueryContext(ctx, q, accountID) // safe:sql
	if err != nil {
		return nil, err
	}
	return scanTxns(rows)
}

// SearchMemos finds entries whose memo contains term.
func (s *Store) SearchMemos(ctx context.Context, accountID int64, term string) ([]Txn, error) {
	q := "SELECT id, amount_cents, memo, created_at FROM transactions WHERE account_id = $1 AND memo ILIKE '%" + term + "%'"
	// the account id is bound but the search term is pasted into the SQL
	rows, err := s.db.QueryContext(ctx, q, accountID) // vuln:sql
	if err != nil {
		return nil, err
	}
	return scanTxns(rows)
}

// TransactionsByIDs loads several entries at once.
func (s *Store) TransactionsByIDs(ctx context.Context, ids []int64) ([]Txn, error) {
	ph := make([]string, len(ids))
	args := make([]any, len(ids))
	for i, id := range ids {
		ph[i] = "$" + strconv.Itoa(i+1)
		args[i] = id
	}
	q := "SELECT id, amount_cents, memo, created_at FROM transactions WHERE id IN (" + strings.Join(ph, ", ") + ")"
	// only generated placeholders are joined in; the values are arguments
	rows, err := s.db.QueryContext(ctx, q, args...) // safe:sql
	if err != nil {
		return nil, err
	}
	return scanTxns(rows)
}

// exec runs a statement; the query text is the caller's.
func (s *Store) exec(ctx context.Context, query string, args ...any) error {
	// a pass-through: nothing is built here
	_, err := s.db.ExecContext(ctx, query, args...) // safe:sql
	return err
}

// SetStatus changes an account's status.
func (s *Store) SetStatus(ctx context.Context, id int64, status string) error {
	// status comes from the admin request body and is quoted by hand
	return s.exec(ctx, "UPDATE accounts SET status = '"+status+"' WHERE id = $1", id) // vuln:sql
}

// Lock marks an account as locked.
func (s *Store) Lock(ctx context.Context, id int64) error {
	// a constant statement through the same helper
	return s.exec(ctx, "UPDATE accounts SET status = 'locked', locked_at = now() WHERE id = $1", id) // safe:sql
}

// SavePasswordHash stores a new bcrypt hash.
func (s *Store) SavePasswordHash(ctx context.Context, id int64, hash []byte) error {
	return s.exec(ctx, "UPDATE accounts SET password_hash = $1 WHERE id = $2", hash, id)
}

// SaveResetToken stores the hash of a password-reset token.
func (s *Store) SaveResetToken(ctx context.Context, email string, tokenHash []byte, exp time.Time) error {
	return s.exec(ctx, "INSERT INTO password_resets (email, token_hash, expires_at) VALUES ($1, $2, $3)", email, tokenHash, exp)
}

// Transfer moves money between two accounts.
func (s *Store) Transfer(ctx context.Context, from, to, cents int64) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, "UPDATE balances SET cents = cents - $1 WHERE account_id = $2", cents, from); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE balances SET cents = cents + $1 WHERE account_id = $2", cents, to); err != nil {
		return err
	}
	return tx.Commit()
}

func scanTxns(rows *sql.Rows) ([]Txn, error) {
	defer rows.Close()
	var out []Txn
	for rows.Next() {
		var t Txn
		if err := rows.Scan(&t.ID, &t.AmountCents, &t.Memo, &t.CreatedAt); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}
