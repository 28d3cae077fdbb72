package oauth

import (
	"encoding/json"
	"log/slog"
	"net/http"

	"github.com/julienschmidt/httprouter"

	"example.com/apivettest/corpus/edgeway/internal/guard"
)

// Handlers serve the token endpoints.
type Handlers struct {
	Tokens *Tokens
	Log    *slog.Logger
}

func reply(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// Token is the client-credentials grant.
func (h *Handlers) Token(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 8<<10)
	// the body was wrapped in MaxBytesReader just above
	if err := r.ParseForm(); err != nil { // safe:transport
		reply(w, http.StatusBadRequest, map[string]string{"error": "invalid_request"})
		return
	}
	if gt := r.PostForm.Get("grant_type"); gt != "client_credentials" {
		// the handler's own validation message, 400
		reply(w, http.StatusBadRequest, map[string]string{"error": "unsupported_grant_type", "error_description": "grant_type must be client_credentials, got " + gt}) // safe:exposure
		return
	}
	tok, err := h.Tokens.Access(r.PostForm.Get("client_id"), nil)
	if err != nil {
		h.Log.Error("sign", "err", err)
		reply(w, http.StatusInternalServerError, map[string]string{"error": "server_error"})
		return
	}
	reply(w, http.StatusOK, map[string]any{"access_token": string(tok), "token_type": "Bearer", "expires_in": 300})
}

// Introspect reports whether a token is active (RFC 7662, JSON variant).
func (h *Handlers) Introspect(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	var in struct {
		Token string `json:"token"`
	}
	// no limit on this body
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil { // vuln:transport
		reply(w, http.StatusBadRequest, map[string]string{"error": "invalid_request"})
		return
	}
	_, err := h.Tokens.Verify(in.Token)
	reply(w, http.StatusOK, map[string]bool{"active": err == nil})
}

// Revoke revokes a token.
func (h *Handlers) Revoke(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	w.WriteHeader(http.StatusOK)
}

// Metadata is the authorization server metadata document.
func (h *Handlers) Metadata(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	reply(w, http.StatusOK, map[string]string{"issuer": h.Tokens.Issuer, "token_endpoint": h.Tokens.Issuer + "/oauth/token"})
}

// Challenge checks a second-factor code; failures are counted by guard.
func (h *Handlers) Challenge(w http.ResponseWriter, r *http.Request, rec guard.Recorder) {
	if r.Header.Get("X-MFA-Code") == "" {
		rec.Failed(r.Header.Get("X-Account"))
		reply(w, http.StatusUnauthorized, map[string]string{"error": "invalid_code"})
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
