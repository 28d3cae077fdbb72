package handler

import (
	"crypto/md5"
	"encoding/hex"
	"errors"
	"log/slog"
	"net/http"
	"strconv"

	"example.com/apivettest/corpus/wallet/internal/auth"
	"example.com/apivettest/corpus/wallet/internal/middleware"
	"example.com/apivettest/corpus/wallet/internal/repository"
	"example.com/apivettest/corpus/wallet/internal/service"
	"example.com/apivettest/corpus/wallet/pkg/pinblock"
)

// Statements renders statement PDFs.
type Statements interface {
	Render(accountID, month string) ([]byte, error)
}

// Accounts serves the account endpoints.
type Accounts struct {
	repo       repository.Accounts
	transfers  *service.Transfers
	statements Statements
	tokens     *auth.Issuer
	pinKey     []byte
	log        *slog.Logger
}

func NewAccounts(repo repository.Accounts, transfers *service.Transfers, st Statements, tokens *auth.Issuer, pinKey []byte, log *slog.Logger) *Accounts {
	return &Accounts{repo: repo, transfers: transfers, statements: st, tokens: tokens, pinKey: pinKey, log: log}
}

func (h *Accounts) List() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		accts, err := h.repo.ByOwner(r.Context(), middleware.UserID(r.Context()))
		if err != nil {
			fail(w, h.log, err)
			return
		}
		writeJSON(w, http.StatusOK, accts)
	}
}

func (h *Accounts) Transactions() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		limit, _ := strconv.Atoi(q.Get("limit"))
		f := repository.TxFilter{Sort: q.Get("sort"), Asc: q.Get("order") == "asc", Limit: limit}
		var (
			txs []repository.Transaction
			err error
		)
		if memo := q.Get("memo"); memo != "" {
			txs, err = h.repo.SearchMemo(r.Context(), r.PathValue("id"), memo)
		} else {
			txs, err = h.repo.Transactions(r.Context(), r.PathValue("id"), f)
		}
		if err != nil {
			// the database error text goes back to the client with a 500
			http.Error(w, "query failed: "+err.Error(), http.StatusInternalServerError) // vuln:exposure
			return
		}
		writeJSON(w, http.StatusOK, txs)
	}
}

type transferRequest struct {
	From        string `json:"from"`
	To          string `json:"to"`
	AmountMinor int64  `json:"amount_minor"`
}

func (h *Accounts) Transfer() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		in, err := decodeJSON[transferRequest](w, r)
		if err != nil {
			writeJSON(w, http.StatusBadRequest, errorBody{Error: "malformed request"})
			return
		}
		ref, err := h.transfers.Send(r.Context(), in.From, in.To, in.AmountMinor)
		if errors.Is(err, service.ErrBankUnavailable) {
			// the core bank's error (host names, status) is relayed with a 502
			writeJSON(w, http.StatusBadGateway, errorBody{Error: err.Error()}) // vuln:exposure
			return
		}
		if err != nil {
			fail(w, h.log, err)
			return
		}
		writeJSON(w, http.StatusCreated, map[string]string{"reference": ref})
	}
}

func (h *Accounts) StatementLink() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		link, err := h.tokens.StatementLink(r.PathValue("id"), r.PathValue("month"))
		if err != nil {
			fail(w, h.log, err)
			return
		}
		writeJSON(w, http.StatusOK, map[string]string{"url": "/v1/statements/" + link})
	}
}

// Statement serves a PDF from a statement link; the link is the credential.
func (h *Accounts) Statement() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		claims, err := h.tokens.ParseStatementLink(r.PathValue("token"))
		if err != nil {
			http.Error(w, "link expired or invalid", http.StatusNotFound)
			return
		}
		pdf, err := h.statements.Render(claims.Subject, claims.ID)
		if err != nil {
			fail(w, h.log, err)
			return
		}
		// an ETag over the document bytes
		sum := md5.Sum(pdf) // safe:crypto
		w.Header().Set("ETag", `"`+hex.EncodeToString(sum[:])+`"`)
		w.Header().Set("Content-Type", "application/pdf")
		_, _ = w.Write(pdf)
	}
}

// ChangePIN stores a new card PIN.
func (h *Accounts) ChangePIN() http.HandlerFunc {
	type request struct {
		PIN string `json:"pin"`
	}
	return func(w http.ResponseWriter, r *http.Request) {
		in, err := decodeJSON[request](w, r)
		if err != nil || len(in.PIN) != 4 {
			writeJSON(w, http.StatusBadRequest, errorBody{Error: "pin must have four digits"})
			return
		}
		if _, err := pinblock.Seal(h.pinKey, []byte(in.PIN)); err != nil {
			fail(w, h.log, err)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	}
}

// SupportedTokens lists the stablecoins the wallet can hold (public data).
func SupportedTokens() http.HandlerFunc {
	tokens := []string{"USDC", "EURC", "PYUSD"}
	return func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, tokens)
	}
}
