package handler

import (
	"crypto/subtle"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"example.com/apivettest/corpus/wallet/internal/repository"
)

// Admin serves the ops console on the internal listener.
type Admin struct {
	repo     repository.Accounts
	user     []byte
	password []byte
	log      *slog.Logger
}

func NewAdmin(repo repository.Accounts, user, password string, log *slog.Logger) *Admin {
	return &Admin{repo: repo, user: []byte(user), password: []byte(password), log: log}
}

// BasicAuth guards the console.
func (a *Admin) BasicAuth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		u, p, ok := r.BasicAuth()
		userOK := subtle.ConstantTimeCompare([]byte(u), a.user) == 1
		// constant-time compare of the password
		passOK := subtle.ConstantTimeCompare([]byte(p), a.password) == 1 // safe:secrets
		if !ok || !userOK || !passOK {
			w.Header().Set("WWW-Authenticate", `Basic realm="wallet-ops"`)
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (a *Admin) Archive() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		month := r.FormValue("month")
		cutoff := time.Now().AddDate(0, -3, 0)
		if err := a.repo.ArchiveMonth(r.Context(), month, cutoff); err != nil {
			w.WriteHeader(http.StatusInternalServerError)
			// %v of the database error on a 500
			fmt.Fprintf(w, "archive %s failed: %v\n", month, err) // vuln:exposure
			return
		}
		fmt.Fprintf(w, "archived %s\n", month)
	}
}

func (a *Admin) PostFees() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		fees := []repository.Fee{}
		if err := a.repo.PostFees(r.Context(), fees); err != nil {
			a.log.Error("post fees", "err", err)
			// fixed text, the detail stays in the log
			http.Error(w, "posting fees failed", http.StatusInternalServerError) // safe:exposure
			return
		}
		w.WriteHeader(http.StatusNoContent)
	}
}
