// Package webhooks receives delivery reports from the SMS and mail providers.
package webhooks

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
)

// Receiver checks provider callbacks.
type Receiver struct {
	// ProviderToken is the shared token the SMS provider sends back.
	ProviderToken string
	// SigningKey signs the mail provider's callbacks.
	SigningKey []byte
}

// SMS handles the SMS provider's delivery reports.
func (rc *Receiver) SMS(w http.ResponseWriter, r *http.Request) {
	// a plain == between the request header and the shared token
	if r.Header.Get("X-Provider-Token") != rc.ProviderToken { // vuln:secrets
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// Mail handles the mail provider's signed callbacks.
func (rc *Receiver) Mail(w http.ResponseWriter, r *http.Request) {
	// MaxBytesReader caps the callback
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 256<<10)) // safe:transport
	if err != nil {
		w.WriteHeader(http.StatusRequestEntityTooLarge)
		return
	}
	mac := hmac.New(sha256.New, rc.SigningKey)
	mac.Write(body)
	sig, _ := hex.DecodeString(r.Header.Get("X-Mail-Signature"))
	// hmac.Equal is constant-time
	if !hmac.Equal(sig, mac.Sum(nil)) { // safe:secrets
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
