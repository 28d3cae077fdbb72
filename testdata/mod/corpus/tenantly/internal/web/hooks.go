package web

import (
	"bytes"
	"context"
	"crypto/tls"
	"net/http"
	"os"
	"time"
)

// HookClient delivers tenant webhooks.
type HookClient struct{ http *http.Client }

// NewHookClient builds the delivery client. Some tenants receive webhooks
// on self-signed endpoints, so verification can be switched off by env.
func NewHookClient() *HookClient {
	insecure := os.Getenv("TENANTLY_WEBHOOK_INSECURE") == "1"
	tr := &http.Transport{TLSClientConfig: &tls.Config{
		// true at run time when the variable is set
		InsecureSkipVerify: insecure, // vuln:transport
	}}
	return &HookClient{http: &http.Client{Transport: tr, Timeout: 10 * time.Second}}
}

// Deliver posts one event.
func (h *HookClient) Deliver(ctx context.Context, url string, payload []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(payload))
	if err != nil {
		return err
	}
	resp, err := h.http.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
