package handler

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http"

	"example.com/apivettest/corpus/wallet/internal/clients/corebank"
	"example.com/apivettest/corpus/wallet/internal/config"
)

// Webhooks receives the core bank's notifications.
type Webhooks struct {
	token []byte
	key   []byte
	log   *slog.Logger
}

func NewWebhooks(cfg config.BankConfig, log *slog.Logger) *Webhooks {
	return &Webhooks{token: []byte(cfg.WebhookToken), key: cfg.WebhookKey, log: log}
}

func (h *Webhooks) CoreBank() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		// a plain string compare of the shared token from the request header
		if r.Header.Get(config.WebhookTokenHdr) != string(h.token) { // vuln:secrets
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		// no MaxBytesReader on this route
		body, err := io.ReadAll(r.Body) // vuln:transport
		if err != nil {
			http.Error(w, "read error", http.StatusBadRequest)
			return
		}
		if !corebank.VerifySignature(h.key, body, r.Header.Get(config.WebhookSigHeader)) {
			http.Error(w, "bad signature", http.StatusUnauthorized)
			return
		}
		var evt struct {
			Type string `json:"type"`
		}
		if err := json.Unmarshal(body, &evt); err != nil {
			http.Error(w, "bad payload", http.StatusBadRequest)
			return
		}
		h.log.Info("core bank event", "type", evt.Type)
		w.WriteHeader(http.StatusNoContent)
	}
}
