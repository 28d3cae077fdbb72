// Package billing talks to Stripe.
package billing

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
)

const (
	// the publishable key is meant to be shipped to browsers
	stripePublishableKey = "pk_live_51Nq8XcKp3Yd7Rz2Vb6Wm9Lt4Hs1Jf0Ga5Qe8Tu3Io7Pl2Kj6Mn" // safe:secrets
	// the secret key, committed next to it
	stripeSecretKey = "sk_live_51Nq8XcKp3Yd7Rz2Vb6Wm9Lt4Hs1Jf0Ga5Qe8Tu3Io7Pl2Kj6Mn9Bv" // vuln:secrets
)

// Client is a minimal Stripe client.
type Client struct {
	http *http.Client
}

// New builds the client.
func New() *Client { return &Client{http: &http.Client{Timeout: 20 * time.Second}} }

// PublishableKey is served to the checkout page.
func (c *Client) PublishableKey() string { return stripePublishableKey }

// ChangePlan switches a subscription's price.
func (c *Client) ChangePlan(ctx context.Context, subscription, price string) error {
	form := url.Values{"items[0][price]": {price}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "https://api.stripe.com/v1/subscriptions/"+subscription, strings.NewReader(form.Encode()))
	if err != nil {
		return err
	}
	req.SetBasicAuth(stripeSecretKey, "")
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("billing: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("billing: stripe answered %s", resp.Status)
	}
	return nil
}
