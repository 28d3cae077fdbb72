// Package push fans mentions out to the workspace's Slack.
package push

import (
	"bytes"
	"context"
	"crypto/sha1"
	"crypto/tls"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"time"
)

// the bot token of the company Slack workspace, committed with the code
const slackBotToken = "xoxb-5823017746-6120934471285-Zq8TfX2mKp4RbN7vW1yLc9Hd" // vuln:secrets

// Notifier posts to Slack, dropping duplicates.
type Notifier struct {
	url    string
	client *http.Client

	mu   sync.Mutex
	seen map[string]time.Time
}

// New builds the notifier.
func New(url string) *Notifier {
	tr := &http.Transport{
		TLSClientConfig: &tls.Config{
			// verification stays on
			InsecureSkipVerify: false, // safe:transport
			// explicit floor at TLS 1.2
			MinVersion: tls.VersionTLS12, // safe:transport
		},
	}
	return &Notifier{url: url, client: &http.Client{Transport: tr, Timeout: 10 * time.Second}, seen: map[string]time.Time{}}
}

func dedupeKey(channel, text string) string {
	// SHA-1 as a cache key for duplicate suppression
	sum := sha1.Sum([]byte(channel + "\x00" + text)) // safe:crypto
	return hex.EncodeToString(sum[:])
}

// Mention posts a mention notification.
func (n *Notifier) Mention(ctx context.Context, channel, text string) error {
	key := dedupeKey(channel, text)
	n.mu.Lock()
	if t, ok := n.seen[key]; ok && time.Since(t) < time.Minute {
		n.mu.Unlock()
		return nil
	}
	n.seen[key] = time.Now()
	n.mu.Unlock()

	body, _ := json.Marshal(map[string]string{"channel": channel, "text": text})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, n.url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+slackBotToken)
	req.Header.Set("Content-Type", "application/json")
	resp, err := n.client.Do(req)
	if err != nil {
		return fmt.Errorf("push: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("push: slack answered %s", resp.Status)
	}
	return nil
}
