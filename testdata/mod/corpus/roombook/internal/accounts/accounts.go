// Package accounts serves sign-in, registration and password recovery.
package accounts

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"time"

	"golang.org/x/crypto/bcrypt"

	"example.com/apivettest/corpus/roombook/internal/authn"
	"example.com/apivettest/corpus/roombook/internal/config"
)

// Guest is a registered guest account.
type Guest struct {
	ID           int64
	Email        string
	PasswordHash []byte
}

// Store is the account storage.
type Store interface {
	GuestByEmail(ctx context.Context, email string) (Guest, error)
	CreateGuest(ctx context.Context, email string, hash []byte) (int64, error)
	SaveResetToken(ctx context.Context, guestID int64, digest []byte, expires time.Time) error
}

// Handlers serves the account endpoints.
type Handlers struct {
	store  Store
	tokens *authn.Issuer
	log    *slog.Logger
}

// New wires the account handlers.
func New(store Store, tokens *authn.Issuer, log *slog.Logger) *Handlers {
	return &Handlers{store: store, tokens: tokens, log: log}
}

type credentials struct {
	Email    string `json:"email"`
	Password string `json:"password"`
	Device   string `json:"device"`
}

func decode(r *http.Request, v any) error {
	// every route using this helper sits behind the router's RequestSize limit
	return json.NewDecoder(r.Body).Decode(v) // safe:transport
}

func reply(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// Login checks a guest's password and returns a token pair.
func (h *Handlers) Login() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var c credentials
		if err := decode(r, &c); err != nil {
			reply(w, http.StatusBadRequest, map[string]string{"error": "malformed JSON"})
			return
		}
		g, err := h.store.GuestByEmail(r.Context(), c.Email)
		if err == nil {
			err = bcrypt.CompareHashAndPassword(g.PasswordHash, []byte(c.Password))
		}
		if err != nil {
			reply(w, http.StatusUnauthorized, map[string]string{"error": "wrong email or password"})
			return
		}
		access, err1 := h.tokens.Access(g.ID)
		refresh, err2 := h.tokens.Refresh(g.ID, c.Device)
		if err := errors.Join(err1, err2); err != nil {
			h.log.Error("issue tokens", "err", err)
			reply(w, http.StatusInternalServerError, map[string]string{"error": "could not sign in"})
			return
		}
		reply(w, http.StatusOK, map[string]string{"access_token": access, "refresh_token": refresh})
	}
}

// Register creates a guest account.
func (h *Handlers) Register() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var c credentials
		// the body is capped by the router's RequestSize middleware
		if err := json.NewDecoder(r.Body).Decode(&c); err != nil { // safe:transport
			reply(w, http.StatusBadRequest, map[string]string{"error": "malformed JSON"})
			return
		}
		if len(c.Password) < config.PasswordMinLength {
			reply(w, http.StatusBadRequest, map[string]string{"error": "password too short"})
			return
		}
		// bcrypt at cost 12
		hash, err := bcrypt.GenerateFromPassword([]byte(c.Password), 12) // safe:crypto
		if err != nil {
			reply(w, http.StatusInternalServerError, map[string]string{"error": "could not register"})
			return
		}
		id, err := h.store.CreateGuest(r.Context(), c.Email, hash)
		if err != nil {
			h.log.Error("create guest", "err", err)
			// the driver's error text (constraint names, columns) on a 500
			reply(w, http.StatusInternalServerError, map[string]string{"error": err.Error()}) // vuln:exposure
			return
		}
		reply(w, http.StatusCreated, map[string]int64{"id": id})
	}
}

// Refresh swaps a refresh token for a new access token.
func (h *Handlers) Refresh() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var body struct {
			RefreshToken string `json:"refresh_token"`
		}
		if err := decode(r, &body); err != nil {
			reply(w, http.StatusBadRequest, map[string]string{"error": "malformed JSON"})
			return
		}
		rc, err := h.tokens.VerifyRefresh(body.RefreshToken)
		if err != nil {
			reply(w, http.StatusUnauthorized, map[string]string{"error": "invalid refresh token"})
			return
		}
		var guestID int64
		if err := json.Unmarshal([]byte(rc.Subject), &guestID); err != nil {
			reply(w, http.StatusUnauthorized, map[string]string{"error": "invalid refresh token"})
			return
		}
		access, err := h.tokens.Access(guestID)
		if err != nil {
			reply(w, http.StatusInternalServerError, map[string]string{"error": "could not refresh"})
			return
		}
		reply(w, http.StatusOK, map[string]string{"access_token": access})
	}
}

// ForgotPassword mails a reset link.
func (h *Handlers) ForgotPassword() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var c credentials
		if err := decode(r, &c); err != nil {
			reply(w, http.StatusBadRequest, map[string]string{"error": "malformed JSON"})
			return
		}
		g, err := h.store.GuestByEmail(r.Context(), c.Email)
		if err != nil {
			w.WriteHeader(http.StatusAccepted)
			return
		}
		raw := make([]byte, 32)
		if _, err := rand.Read(raw); err != nil {
			reply(w, http.StatusInternalServerError, map[string]string{"error": "try again"})
			return
		}
		// only a digest of the 256-bit random token is stored
		digest := sha256.Sum256(raw) // safe:crypto
		if err := h.store.SaveResetToken(r.Context(), g.ID, digest[:], time.Now().Add(time.Hour)); err != nil {
			h.log.Error("save reset token", "err", err)
		}
		h.log.Info("reset link", "guest", g.ID, "token", hex.EncodeToString(raw))
		w.WriteHeader(http.StatusAccepted)
	}
}

// Providers lists the sign-in providers the guest app can offer.
func (h *Handlers) Providers() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		reply(w, http.StatusOK, []string{"password", "google", "apple"})
	}
}
