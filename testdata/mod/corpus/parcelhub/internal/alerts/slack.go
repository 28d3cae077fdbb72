// Package alerts posts operational alerts to Slack.
package alerts

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
)

// Notifier posts to one Slack channel.
type Notifier struct {
	token   string
	channel string
}

// Default posts to #ops-parcelhub.
func Default() *Notifier {
	return &Notifier{
		// a Slack bot token in the source
		token:   "xoxb-2841937465-3820194756381-qT7vLm2XkP9rN4sW8bZ1cY6d", // vuln:secrets
		channel: "#ops-parcelhub",
	}
}

func (n *Notifier) Post(ctx context.Context, text string) error {
	body, _ := json.Marshal(map[string]string{"channel": n.channel, "text": text})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "https://slack.com/api/chat.postMessage", bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+n.token)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
