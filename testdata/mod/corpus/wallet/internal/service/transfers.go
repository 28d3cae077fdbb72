package service

import (
	"context"
	"errors"
	"fmt"

	"example.com/apivettest/corpus/wallet/internal/repository"
)

// Bank is the core-banking client.
type Bank interface {
	Settle(ctx context.Context, from, to string, amountMinor int64) (string, error)
}

// Transfers moves money between accounts.
type Transfers struct {
	accounts repository.Accounts
	bank     Bank
}

func NewTransfers(accounts repository.Accounts, bank Bank) *Transfers {
	return &Transfers{accounts: accounts, bank: bank}
}

// ErrBankUnavailable wraps failures of the core bank.
var ErrBankUnavailable = errors.New("core bank unavailable")

func (t *Transfers) Send(ctx context.Context, from, to string, amountMinor int64) (string, error) {
	if amountMinor <= 0 {
		return "", &ValidationError{Msg: "amount must be positive"}
	}
	if from == to {
		return "", &ValidationError{Msg: "cannot transfer to the same account"}
	}
	if err := t.accounts.Transfer(ctx, from, to, amountMinor); err != nil {
		return "", fmt.Errorf("ledger transfer: %w", err)
	}
	ref, err := t.bank.Settle(ctx, from, to, amountMinor)
	if err != nil {
		return "", errors.Join(ErrBankUnavailable, err)
	}
	return ref, nil
}
