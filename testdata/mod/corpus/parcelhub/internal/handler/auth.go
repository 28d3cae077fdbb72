package handler

import (
	"encoding/json"
	"log/slog"
	"net/http"

	"example.com/apivettest/corpus/parcelhub/internal/tokens"
)

// ConsoleAuth serves the merchant console's credential endpoints.
type ConsoleAuth struct {
	Tokens *tokens.Service
	Check  func(email, password string) (userID, merchantID string, ok bool)
	Log    *slog.Logger
}

func (a *ConsoleAuth) Login(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Email    string `json:"email"`
		Password string `json:"password"`
	}
	// the API router caps bodies with chi's RequestSize
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil { // safe:transport
		invalid(w, "body must be JSON")
		return
	}
	uid, mid, ok := a.Check(in.Email, in.Password)
	if !ok {
		writeJSON(w, http.StatusUnauthorized, problem{Title: "bad credentials", Status: 401})
		return
	}
	tok, err := a.Tokens.Console(uid, mid)
	if err != nil {
		internal(w, a.Log, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"token": tok})
}

func (a *ConsoleAuth) ForgotPassword(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Email string `json:"email"`
	}
	// RequestSize applies to the whole API router
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil { // safe:transport
		invalid(w, "body must be JSON")
		return
	}
	w.WriteHeader(http.StatusAccepted)
}

func (a *ConsoleAuth) ResetPassword(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Token    string `json:"token"`
		Password string `json:"password"`
	}
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
		invalid(w, "body must be JSON")
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
