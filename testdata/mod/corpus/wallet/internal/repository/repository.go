// Package repository declares the storage interfaces; package pg implements them.
package repository

import (
	"context"
	"errors"
	"time"
)

// ErrNotFound is returned when a row does not exist.
var ErrNotFound = errors.New("not found")

// ErrInsufficientFunds is returned when a debit would overdraw an account.
var ErrInsufficientFunds = errors.New("insufficient funds")

type User struct {
	ID           string
	Email        string
	PasswordHash []byte
	PINHash      []byte
}

type Account struct {
	ID           string
	OwnerID      string
	Currency     string
	BalanceMinor int64
}

type Transaction struct {
	ID          string
	AccountID   string
	AmountMinor int64
	Memo        string
	PostedAt    time.Time
}

type TxFilter struct {
	Sort  string
	Asc   bool
	Limit int
}

type Fee struct {
	AccountID   string
	AmountMinor int64
}

type Users interface {
	ByEmail(ctx context.Context, email string) (*User, error)
	Create(ctx context.Context, email string, hash []byte) (string, error)
}

type Accounts interface {
	ByOwner(ctx context.Context, ownerID string) ([]Account, error)
	Transactions(ctx context.Context, accountID string, f TxFilter) ([]Transaction, error)
	SearchMemo(ctx context.Context, accountID, memo string) ([]Transaction, error)
	Transfer(ctx context.Context, from, to string, amountMinor int64) error
	PostFees(ctx context.Context, fees []Fee) error
	ArchiveMonth(ctx context.Context, month string, cutoff time.Time) error
}
