// Package httpd registers the vault's handlers on the default mux.
package httpd

import (
	"crypto/aes"
	"crypto/cipher"
	"encoding/json"
	"io"
	"log"
	"net/http"
	"time"

	"github.com/go-chi/httprate"

	"example.com/apivettest/corpus/keyvault/internal/envelope"
	"example.com/apivettest/corpus/keyvault/internal/legacy"
)

type vault struct {
	aead cipher.AEAD
}

// Register installs the handlers on http.DefaultServeMux.
func Register(masterKey []byte) error {
	block, err := aes.NewCipher(masterKey)
	if err != nil {
		return err
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return err
	}
	v := &vault{aead: aead}
	// httprate in front of the userpass login
	http.Handle("POST /v1/auth/userpass/login", httprate.LimitByIP(5, time.Minute)(http.HandlerFunc(v.login))) // safe:ratelimit
	// machine logins with a role id and secret id: no limiter
	http.HandleFunc("POST /v1/auth/approle/login", v.login) // vuln:ratelimit
	http.HandleFunc("POST /v1/transit/encrypt", v.encrypt)
	http.HandleFunc("POST /v1/transit/decrypt/legacy", v.decryptLegacy)
	return nil
}

func (v *vault) login(w http.ResponseWriter, r *http.Request) {
	var req struct{ RoleID, SecretID string }
	// the body is read through a 64 KiB LimitReader
	if err := json.NewDecoder(io.LimitReader(r.Body, 64<<10)).Decode(&req); err != nil { // safe:transport
		http.Error(w, "malformed request", http.StatusBadRequest)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (v *vault) encrypt(w http.ResponseWriter, r *http.Request) {
	var req struct{ Plaintext []byte }
	// unbounded JSON body
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil { // vuln:transport
		http.Error(w, "malformed request", http.StatusBadRequest)
		return
	}
	ct, err := envelope.Seal(v.aead, req.Plaintext)
	if err != nil {
		log.Printf("seal: %v", err)
		http.Error(w, "encryption failed", http.StatusInternalServerError)
		return
	}
	_ = json.NewEncoder(w).Encode(map[string][]byte{"ciphertext": ct})
}

func (v *vault) decryptLegacy(w http.ResponseWriter, r *http.Request) {
	// MaxBytesReader caps the body at 1 MiB
	blob, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20)) // safe:transport
	if err != nil {
		http.Error(w, "request too large", http.StatusRequestEntityTooLarge)
		return
	}
	if len(blob)%8 != 0 {
		// the handler's own length check
		http.Error(w, "ciphertext length must be a multiple of 8", http.StatusBadRequest) // safe:exposure
		return
	}
	pt, err := legacy.DecryptV1(blob[:8], blob[8:])
	if err != nil {
		// the cipher's error goes out on a 500
		http.Error(w, err.Error(), http.StatusInternalServerError) // vuln:exposure
		return
	}
	_, _ = w.Write(pt)
}
