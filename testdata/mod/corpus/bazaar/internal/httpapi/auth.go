package httpapi

import (
	"encoding/json"
	"net/http"

	"example.com/apivettest/corpus/bazaar/internal/orders"
)

// Auth serves buyer sign-in and sign-up.
type Auth struct{}

type credentials struct {
	Email    string `json:"email"`
	Password string `json:"password"`
}

func readJSON(w http.ResponseWriter, r *http.Request, v any) error {
	// 8 KiB cap on every auth body
	return json.NewDecoder(http.MaxBytesReader(w, r.Body, 8<<10)).Decode(v) // safe:transport
}

// Login signs a buyer in.
func (Auth) Login(w http.ResponseWriter, r *http.Request) {
	var c credentials
	if err := readJSON(w, r, &c); err != nil {
		http.Error(w, "malformed request", http.StatusBadRequest)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// Signup creates a buyer account and mails a verification link.
func (Auth) Signup(w http.ResponseWriter, r *http.Request) {
	var c credentials
	if err := readJSON(w, r, &c); err != nil {
		http.Error(w, "malformed request", http.StatusBadRequest)
		return
	}
	link := "https://bazaar.shop/verify?t=" + orders.EmailVerificationToken()
	_ = link
	w.WriteHeader(http.StatusAccepted)
}

// ResetPassword completes a reset.
func (Auth) ResetPassword(w http.ResponseWriter, r *http.Request) {
	var c struct {
		Code     string `json:"code"`
		Password string `json:"password"`
	}
	if err := readJSON(w, r, &c); err != nil {
		http.Error(w, "malformed request", http.StatusBadRequest)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// CreateSession is the mobile app's sign-in.
func (Auth) CreateSession(w http.ResponseWriter, r *http.Request) {
	var c credentials
	if err := readJSON(w, r, &c); err != nil {
		http.Error(w, "malformed request", http.StatusBadRequest)
		return
	}
	w.WriteHeader(http.StatusCreated)
}

// Methods lists the sign-in methods.
func (Auth) Methods(w http.ResponseWriter, r *http.Request) {
	_ = json.NewEncoder(w).Encode([]string{"password", "apple", "google"})
}

// GiftTokenPrices lists what gift tokens cost.
func (Auth) GiftTokenPrices(w http.ResponseWriter, r *http.Request) {
	_ = json.NewEncoder(w).Encode(map[string]int{"10": 1000, "25": 2500})
}
