package handler

import (
	"errors"
	"log/slog"
	"net/http"

	"example.com/apivettest/corpus/wallet/internal/auth"
	"example.com/apivettest/corpus/wallet/internal/middleware"
	"example.com/apivettest/corpus/wallet/internal/service"
)

// Auth serves the credential endpoints.
type Auth struct {
	users  *service.Users
	otp    *service.OTP
	tokens *auth.Issuer
	log    *slog.Logger
}

func NewAuth(users *service.Users, otp *service.OTP, tokens *auth.Issuer, log *slog.Logger) *Auth {
	return &Auth{users: users, otp: otp, tokens: tokens, log: log}
}

type credentials struct {
	Email    string `json:"email"`
	Password string `json:"password"`
}

type tokenPair struct {
	AccessToken  string `json:"access_token"`
	RefreshToken string `json:"refresh_token"`
}

func (a *Auth) issue(w http.ResponseWriter, userID string) {
	access, err := a.tokens.Access(userID, "wallet")
	if err != nil {
		fail(w, a.log, err)
		return
	}
	refresh, err := a.tokens.Refresh(userID, userID)
	if err != nil {
		fail(w, a.log, err)
		return
	}
	writeJSON(w, http.StatusOK, tokenPair{AccessToken: access, RefreshToken: refresh})
}

func (a *Auth) Login() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		in, err := decodeJSON[credentials](w, r)
		if err != nil {
			writeJSON(w, http.StatusBadRequest, errorBody{Error: "malformed request"})
			return
		}
		id, err := a.users.Login(r.Context(), in.Email, in.Password)
		if errors.Is(err, service.ErrBadCredentials) {
			// a fixed sentinel error with a 401
			writeJSON(w, http.StatusUnauthorized, errorBody{Error: err.Error()}) // safe:exposure
			return
		}
		if err != nil {
			fail(w, a.log, err)
			return
		}
		a.issue(w, id)
	}
}

func (a *Auth) Register() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		in, err := decodeJSON[credentials](w, r)
		if err != nil {
			writeJSON(w, http.StatusBadRequest, errorBody{Error: "malformed request"})
			return
		}
		id, err := a.users.Register(r.Context(), in.Email, in.Password)
		if err != nil {
			fail(w, a.log, err)
			return
		}
		a.issue(w, id)
	}
}

func (a *Auth) Refresh() http.HandlerFunc {
	type request struct {
		RefreshToken string `json:"refresh_token"`
	}
	return func(w http.ResponseWriter, r *http.Request) {
		in, err := decodeJSON[request](w, r)
		if err != nil {
			writeJSON(w, http.StatusBadRequest, errorBody{Error: "malformed request"})
			return
		}
		claims, err := a.tokens.ParseRefresh(in.RefreshToken)
		if err != nil {
			writeJSON(w, http.StatusUnauthorized, errorBody{Error: "invalid refresh token"})
			return
		}
		a.issue(w, claims.Subject)
	}
}

func (a *Auth) SendOTP() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := a.otp.Send(r.Context(), middleware.UserID(r.Context())); err != nil {
			fail(w, a.log, err)
			return
		}
		w.WriteHeader(http.StatusAccepted)
	}
}

func (a *Auth) VerifyOTP() http.HandlerFunc {
	type request struct {
		Code string `json:"code"`
	}
	return func(w http.ResponseWriter, r *http.Request) {
		in, err := decodeJSON[request](w, r)
		if err != nil {
			writeJSON(w, http.StatusBadRequest, errorBody{Error: "malformed request"})
			return
		}
		if !a.otp.Verify(middleware.UserID(r.Context()), in.Code) {
			writeJSON(w, http.StatusUnauthorized, errorBody{Error: "wrong code"})
			return
		}
		w.WriteHeader(http.StatusNoContent)
	}
}
