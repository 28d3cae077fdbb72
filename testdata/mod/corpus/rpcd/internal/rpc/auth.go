package rpc

import (
	"crypto/rand"
	"encoding/json"
	"fmt"
	"math/big"
	"net/http"

	"golang.org/x/crypto/bcrypt"

	"example.com/apivettest/corpus/rpcd/internal/authsvc"
)

// AuthHandlers serve the /auth endpoints.
type AuthHandlers struct {
	Tokens *authsvc.Service
}

type credentials struct {
	User     string `json:"user"`
	Password string `json:"password"`
	Phone    string `json:"phone"`
}

func readCredentials(w http.ResponseWriter, r *http.Request) (credentials, error) {
	var c credentials
	// 4 KiB is enough for credentials
	err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 4<<10)).Decode(&c) // safe:transport
	return c, err
}

// Login signs a user in and sets the cookies the web app uses.
func (a *AuthHandlers) Login(w http.ResponseWriter, r *http.Request) {
	c, err := readCredentials(w, r)
	if err != nil {
		http.Error(w, "malformed credentials", http.StatusBadRequest)
		return
	}
	access, err := a.Tokens.Access(c.User, []string{"rpc"})
	if err != nil {
		http.Error(w, "could not sign in", http.StatusInternalServerError)
		return
	}
	refresh, err := a.Tokens.WebRefresh(c.User)
	if err != nil {
		http.Error(w, "could not sign in", http.StatusInternalServerError)
		return
	}
	// HttpOnly, Secure, SameSite=Strict
	http.SetCookie(w, &http.Cookie{Name: "rpcd_refresh", Value: refresh, Path: "/auth", HttpOnly: true, Secure: true, SameSite: http.SameSiteStrictMode}) // safe:headers
	// the playground's JavaScript reads this token, so it is not HttpOnly, and SameSite=None sends it cross-site
	http.SetCookie(w, &http.Cookie{Name: "rpcd_session", Value: access, Path: "/", Secure: true, SameSite: http.SameSiteNoneMode}) // vuln:headers
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(map[string]string{"access_token": access})
}

// Register creates an account.
func (a *AuthHandlers) Register(w http.ResponseWriter, r *http.Request) {
	c, err := readCredentials(w, r)
	if err != nil {
		http.Error(w, "malformed credentials", http.StatusBadRequest)
		return
	}
	// bcrypt cost 10 is the floor, not under it
	if _, err := bcrypt.GenerateFromPassword([]byte(c.Password), 10); err != nil { // safe:crypto
		http.Error(w, "password not accepted", http.StatusBadRequest)
		return
	}
	w.WriteHeader(http.StatusCreated)
}

// SendOTP texts a one-time code.
func (a *AuthHandlers) SendOTP(w http.ResponseWriter, r *http.Request) {
	if _, err := readCredentials(w, r); err != nil {
		http.Error(w, "malformed request", http.StatusBadRequest)
		return
	}
	n, err := rand.Int(rand.Reader, big.NewInt(1_000_000))
	if err != nil {
		http.Error(w, "try again", http.StatusInternalServerError)
		return
	}
	_ = fmt.Sprintf("%06d", n)
	w.WriteHeader(http.StatusAccepted)
}

// Refresh trades the refresh cookie for a new access token.
func (a *AuthHandlers) Refresh(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie("rpcd_refresh")
	if err != nil {
		http.Error(w, "no refresh cookie", http.StatusUnauthorized)
		return
	}
	rc, err := a.Tokens.VerifyRefresh(c.Value)
	if err != nil {
		http.Error(w, "invalid refresh token", http.StatusUnauthorized)
		return
	}
	access, err := a.Tokens.Access(rc.Subject, []string{"rpc"})
	if err != nil {
		http.Error(w, "could not refresh", http.StatusInternalServerError)
		return
	}
	_ = json.NewEncoder(w).Encode(map[string]string{"access_token": access})
}

// Keys serves the public JWKS.
func (a *AuthHandlers) Keys(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write([]byte(`{"keys":[]}`))
}
