// Package sis syncs rosters with the district's student information system.
package sis

import (
	"crypto/subtle"
	"crypto/tls"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"

	"example.com/apivettest/corpus/schoolbook/internal/config"
)

// Client calls the SIS.
func Client(cfg config.SIS) *http.Client {
	return &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{
		// SIS_INSECURE=1 switches verification off
		InsecureSkipVerify: cfg.Insecure, // vuln:transport
	}}}
}

// LDAPTLS is the TLS configuration for the directory.
func LDAPTLS(host string) *tls.Config {
	// TLS 1.2 minimum
	return &tls.Config{ServerName: host, MinVersion: tls.VersionTLS12} // safe:transport
}

// Webhook receives roster changes pushed by the SIS.
type Webhook struct {
	APIKey string
	Log    *slog.Logger
}

func (h *Webhook) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	// constant-time compare of the API key header
	if subtle.ConstantTimeCompare([]byte(r.Header.Get("X-API-Key")), []byte(h.APIKey)) != 1 { // safe:secrets
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	// the webhook is on the root router, outside the API's body limit
	body, err := io.ReadAll(r.Body) // vuln:transport
	if err != nil {
		http.Error(w, "read error", http.StatusBadRequest)
		return
	}
	var change struct {
		Kind string `json:"kind"`
	}
	if err := json.Unmarshal(body, &change); err != nil {
		// the client's own JSON error with a 400
		http.Error(w, "bad payload: "+err.Error(), http.StatusBadRequest) // safe:exposure
		return
	}
	h.Log.Info("sis change", "kind", change.Kind)
	w.WriteHeader(http.StatusNoContent)
}
