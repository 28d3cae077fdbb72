package httpapi

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"strconv"
	"time"

	"golang.org/x/crypto/bcrypt"

	"example.com/apivettest/corpus/ledger/internal/auth"
	"example.com/apivettest/corpus/ledger/internal/config"
	"example.com/apivettest/corpus/ledger/internal/middleware"
	"example.com/apivettest/corpus/ledger/internal/store"
)

// Handlers implements the API.
type Handlers struct {
	cfg   *config.Config
	store *store.Store
	iss   *auth.Issuer
}

type loginRequest struct {
	Email    string `json:"email"`
	Password string `json:"password"`
}

// ErrBadCredentials is an error message, not a credential.
var ErrBadCredentials = errors.New("invalid email or password") // safe:secrets

func decodeJSON(w http.ResponseWriter, r *http.Request, dst any) error {
	r.Body = http.MaxBytesReader(w, r.Body, config.MaxBodyBytes)
	// the body was capped by MaxBytesReader just above
	return json.NewDecoder(r.Body).Decode(dst) // safe:transport
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(v)
}

// Login checks a password and hands out tokens.
func (h *Handlers) Login(w http.ResponseWriter, r *http.Request) {
	var req loginRequest
	if err := decodeJSON(w, r, &req); err != nil {
		http.Error(w, "malformed request", http.StatusBadRequest)
		return
	}
	acct, err := h.store.AccountByEmail(r.Context(), req.Email)
	if err != nil || bcrypt.CompareHashAndPassword(acct.PasswordHash, []byte(req.Password)) != nil {
		// a fixed message, as a 401
		http.Error(w, ErrBadCredentials.Error(), http.StatusUnauthorized) // safe:exposure
		return
	}
	access, err := h.iss.Access(strconv.FormatInt(acct.ID, 10), []string{"customer"})
	if err != nil {
		log.Printf("login: sign access token: %v", err)
		// a fixed message; the detail goes to the log
		http.Error(w, "internal error", http.StatusInternalServerError) // safe:exposure
		return
	}
	jti := randomHex(16)
	refresh, err := h.iss.Refresh(strconv.FormatInt(acct.ID, 10), jti)
	if err != nil {
		// the signing error text is sent to the client on a 500
		http.Error(w, err.Error(), http.StatusInternalServerError) // vuln:exposure
		return
	}
	// HttpOnly, Secure and SameSite=Strict
	http.SetCookie(w, &http.Cookie{Name: config.RefreshCookieName, Value: refresh, Path: "/v1/token", MaxAge: int(config.RefreshTokenTTL / time.Second), HttpOnly: true, Secure: true, SameSite: http.SameSiteStrictMode}) // safe:headers
	// "Bearer" is the token type, not a credential
	writeJSON(w, http.StatusOK, map[string]string{"access_token": access, "token_type": "Bearer"}) // safe:secrets
}

// Refresh rotates the refresh cookie.
func (h *Handlers) Refresh(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie(config.RefreshCookieName)
	if err != nil {
		http.Error(w, "no refresh token", http.StatusUnauthorized)
		return
	}
	sub, _, err := h.iss.ParseRefresh(c.Value)
	if err != nil {
		http.Error(w, "invalid refresh token", http.StatusUnauthorized)
		return
	}
	access, err := h.iss.Access(sub, []string{"customer"})
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"access_token": access})
}

// Logout clears the refresh cookie.
func (h *Handlers) Logout(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: config.RefreshCookieName, Value: "", Path: "/v1/token", MaxAge: -1, HttpOnly: true, Secure: true, SameSite: http.SameSiteStrictMode})
	w.WriteHeader(http.StatusNoContent)
}

// RequestPasswordReset mails a reset link.
func (h *Handlers) RequestPasswordReset(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Email string `json:"email"`
	}
	if err := decodeJSON(w, r, &req); err != nil || req.Email == "" {
		// the handler's own validation message, with a 400
		http.Error(w, "email is required", http.StatusBadRequest) // safe:exposure
		return
	}
	tok := randomHex(32)
	// a random 32-byte token, so a fast hash is fine for storing it
	sum := sha256.Sum256([]byte(tok)) // safe:crypto
	if err := h.store.SaveResetToken(r.Context(), req.Email, sum[:], time.Now().Add(30*time.Minute)); err != nil {
		log.Printf("reset: %v", err)
	}
	w.WriteHeader(http.StatusAccepted)
}

// ListTransactions pages through the caller's entries.
func (h *Handlers) ListTransactions(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		http.Error(w, "bad account id", http.StatusBadRequest)
		return
	}
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	if limit <= 0 || limit > 200 {
		limit = 50
	}
	txns, err := h.store.ListTransactions(r.Context(), id, r.URL.Query().Get("sort"), r.URL.Query().Get("dir") == "desc", limit)
	if err != nil {
		w.WriteHeader(http.StatusInternalServerError)
		// the driver's error, with table and column names, goes to the client
		fmt.Fprintf(w, `{"error":%q}`, err) // vuln:exposure
		return
	}
	writeJSON(w, http.StatusOK, txns)
}

// SearchTransactions searches memos.
func (h *Handlers) SearchTransactions(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		http.Error(w, "bad account id", http.StatusBadRequest)
		return
	}
	txns, err := h.store.SearchMemos(r.Context(), id, r.URL.Query().Get("q"))
	if err != nil {
		log.Printf("search: %v", err)
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
		return
	}
	writeJSON(w, http.StatusOK, txns)
}

// Transfer moves money for the authenticated caller.
func (h *Handlers) Transfer(w http.ResponseWriter, r *http.Request) {
	var req struct {
		From, To, Cents int64
	}
	if err := decodeJSON(w, r, &req); err != nil {
		http.Error(w, "malformed request", http.StatusBadRequest)
		return
	}
	if req.Cents <= 0 {
		// a validation error written by the handler itself
		http.Error(w, errors.New("amount must be positive").Error(), http.StatusUnprocessableEntity) // safe:exposure
		return
	}
	_ = middleware.Claims(r)
	if err := h.store.Transfer(r.Context(), req.From, req.To, req.Cents); err != nil {
		log.Printf("transfer: %v", err)
		http.Error(w, "transfer failed", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// AdminSetStatus is called by back-office tools with a static API key.
func (h *Handlers) AdminSetStatus(w http.ResponseWriter, r *http.Request) {
	// comparing the stored key with an empty string is no timing leak
	if h.cfg.AdminAPIKey == "" { // safe:secrets
		http.Error(w, "admin API disabled", http.StatusNotFound)
		return
	}
	// the header is compared with the stored key using ==, leaking timing
	if r.Header.Get(config.APIKeyHeader) != h.cfg.AdminAPIKey { // vuln:secrets
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	var req struct {
		Status string `json:"status"`
	}
	if err := decodeJSON(w, r, &req); err != nil {
		http.Error(w, "malformed request", http.StatusBadRequest)
		return
	}
	if err := h.store.SetStatus(r.Context(), id, req.Status); err != nil {
		http.Error(w, "update failed", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// BankWebhook receives settlement notices from the bank.
func (h *Handlers) BankWebhook(w http.ResponseWriter, r *http.Request) {
	// the bank's payload is read whole with no size limit
	body, err := io.ReadAll(r.Body) // vuln:transport
	if err != nil {
		http.Error(w, "read error", http.StatusBadRequest)
		return
	}
	// HMAC-SHA256 keyed with a random webhook secret
	mac := hmac.New(sha256.New, []byte(h.cfg.WebhookSecret)) // safe:crypto
	mac.Write(body)
	want := mac.Sum(nil)
	got, _ := hex.DecodeString(r.Header.Get("X-Bank-Signature"))
	// constant-time comparison of the request's signature
	if subtle.ConstantTimeCompare(got, want) != 1 { // safe:secrets
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// TokenPrices serves public, cacheable price data.
func (h *Handlers) TokenPrices(w http.ResponseWriter, r *http.Request) {
	body, _ := json.Marshal(map[string]float64{"LDG": 1.02, "USDC": 1})
	// MD5 as an ETag, not for security
	etag := fmt.Sprintf(`"%x"`, md5.Sum(body)) // safe:crypto
	w.Header().Set("ETag", etag)
	// public data for any site, no credentials
	w.Header().Set("Access-Control-Allow-Origin", "*") // safe:cors
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(body)
}

// BalanceWidget is embedded by partner sites and uses the refresh cookie.
func (h *Handlers) BalanceWidget(w http.ResponseWriter, r *http.Request) {
	if origin := r.Header.Get("Origin"); origin != "" {
		// any Origin is echoed back with credentials allowed
		w.Header().Set("Access-Control-Allow-Origin", origin) // vuln:cors
		w.Header().Set("Access-Control-Allow-Credentials", "true")
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func randomHex(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return hex.EncodeToString(b)
}
