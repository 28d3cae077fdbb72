// Package pg implements the repository interfaces on PostgreSQL with pgx.
package pg

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"example.com/apivettest/corpus/wallet/internal/repository"
)

// Store implements repository.Users and repository.Accounts.
type Store struct {
	pool *pgxpool.Pool
}

var (
	_ repository.Users    = (*Store)(nil)
	_ repository.Accounts = (*Store)(nil)
)

// Open connects to the database.
func Open(ctx context.Context, url string, maxConns int32) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("pg: parse config: %w", err)
	}
	cfg.MaxConns = maxConns
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("pg: connect: %w", err)
	}
	return &Store{pool: pool}, nil
}

func (s *Store) Close() { s.pool.Close() }

func (s *Store) ByEmail(ctx context.Context, email string) (*repository.User, error) {
	var u repository.User
	// placeholder with the e-mail as an argument
	row := s.pool.QueryRow(ctx, `SELECT id, email, password_hash, pin_hash FROM users WHERE email = $1`, email) // safe:sql
	err := row.Scan(&u.ID, &u.Email, &u.PasswordHash, &u.PINHash)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, repository.ErrNotFound
	}
	return &u, err
}

func (s *Store) Create(ctx context.Context, email string, hash []byte) (string, error) {
	var id string
	err := s.pool.QueryRow(ctx, `INSERT INTO users (email, password_hash) VALUES ($1, $2) RETURNING id`, email, hash).Scan(&id)
	return id, err
}

func (s *Store) ByOwner(ctx context.Context, ownerID string) ([]repository.Account, error) {
	rows, err := s.pool.Query(ctx, `SELECT id, owner_id, currency, balance_minor FROM accounts WHERE owner_id = $1`, ownerID)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (repository.Account, error) {
		var a repository.Account
		err := row.Scan(&a.ID, &a.OwnerID, &a.Currency, &a.BalanceMinor)
		return a, err
	})
}

// txSortColumns maps the public sort keys to column names.
var txSortColumns = map[string]string{
	"date":   "posted_at",
	"amount": "amount_minor",
	"memo":   "memo",
}

const txColumns = "id, account_id, amount_minor, memo, posted_at"

func (s *Store) Transactions(ctx context.Context, accountID string, f repository.TxFilter) ([]repository.Transaction, error) {
	col, ok := txSortColumns[f.Sort]
	if !ok {
		col = "posted_at"
	}
	dir := "DESC"
	if f.Asc {
		dir = "ASC"
	}
	limit := f.Limit
	if limit <= 0 || limit > 200 {
		limit = 50
	}
	q := fmt.Sprintf("SELECT %s FROM ledger_entries WHERE account_id = $1 ORDER BY %s %s LIMIT %d", txColumns, col, dir, limit)
	// the column comes from a map of constants, the limit is an int
	rows, err := s.pool.Query(ctx, q, accountID) // safe:sql
	if err != nil {
		return nil, err
	}
	return collectTx(rows)
}

func (s *Store) SearchMemo(ctx context.Context, accountID, memo string) ([]repository.Transaction, error) {
	q := "SELECT " + txColumns + " FROM ledger_entries WHERE account_id = $1 AND memo ILIKE '%" + memo + "%'"
	// the memo search text is pasted into the ILIKE pattern next to a real placeholder
	rows, err := s.pool.Query(ctx, q, accountID) // vuln:sql
	if err != nil {
		return nil, err
	}
	return collectTx(rows)
}

func collectTx(rows pgx.Rows) ([]repository.Transaction, error) {
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (repository.Transaction, error) {
		var t repository.Transaction
		err := row.Scan(&t.ID, &t.AccountID, &t.AmountMinor, &t.Memo, &t.PostedAt)
		return t, err
	})
}

func (s *Store) Transfer(ctx context.Context, from, to string, amountMinor int64) error {
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		// both statements use placeholders inside the transaction
		tag, err := tx.Exec(ctx, `UPDATE accounts SET balance_minor = balance_minor - $1 WHERE id = $2 AND balance_minor >= $1`, amountMinor, from) // safe:sql
		if err != nil {
			return fmt.Errorf("debit %s: %w", from, err)
		}
		if tag.RowsAffected() == 0 {
			return repository.ErrInsufficientFunds
		}
		if _, err := tx.Exec(ctx, `UPDATE accounts SET balance_minor = balance_minor + $1 WHERE id = $2`, amountMinor, to); err != nil {
			return fmt.Errorf("credit %s: %w", to, err)
		}
		return nil
	})
}

func (s *Store) PostFees(ctx context.Context, fees []repository.Fee) error {
	batch := &pgx.Batch{}
	for _, f := range fees {
		// constant text with placeholders for the values
		batch.Queue(`INSERT INTO ledger_entries (account_id, amount_minor, memo) VALUES ($1, $2, 'monthly fee')`, f.AccountID, -f.AmountMinor) // safe:sql
	}
	return s.pool.SendBatch(ctx, batch).Close()
}

// ArchiveMonth moves a month of entries out of the hot partition; month is
// the "2024-05" string the ops console sends.
func (s *Store) ArchiveMonth(ctx context.Context, month string, cutoff time.Time) error {
	partition := "ledger_entries_" + month
	batch := &pgx.Batch{}
	// the partition name is built from the month the caller sent
	batch.Queue("INSERT INTO ledger_archive SELECT * FROM "+partition+" WHERE posted_at < $1", cutoff) // vuln:sql
	// same partition name in the delete
	batch.Queue("DELETE FROM "+partition+" WHERE posted_at < $1", cutoff) // vuln:sql
	return s.pool.SendBatch(ctx, batch).Close()
}
