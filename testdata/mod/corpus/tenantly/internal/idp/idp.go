// Package idp is the OpenID Connect client for "Sign in with Google".
package idp

import (
	"context"
	"crypto/tls"
	"fmt"
	"net/http"
	"time"

	"golang.org/x/oauth2"
)

// Client wraps the OAuth2 configuration.
type Client struct {
	conf *oauth2.Config
	http *http.Client
}

// New builds the client.
func New(redirect string) *Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.TLSClientConfig = &tls.Config{
		// TLS 1.2 or newer
		MinVersion: tls.VersionTLS12, // safe:transport
	}
	return &Client{
		conf: &oauth2.Config{
			// a client id is public: it appears in every authorization URL
			ClientID: "381204467215-7kq2h9d3lm0fvb8c5xr1tz6npw4ye0ag.apps.googleusercontent.com", // safe:secrets
			// the OAuth client secret is written into the source
			ClientSecret: "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", // vuln:secrets
			RedirectURL:  redirect,
			Scopes:       []string{"openid", "email"},
			Endpoint: oauth2.Endpoint{
				AuthURL: "https://accounts.google.com/o/oauth2/v2/auth",
				// an endpoint URL
				TokenURL: "https://oauth2.googleapis.com/token", // safe:secrets
			},
		},
		http: &http.Client{Transport: tr, Timeout: 10 * time.Second},
	}
}

// AuthURL starts the flow.
func (c *Client) AuthURL(state string) string { return c.conf.AuthCodeURL(state) }

// Exchange trades the code for tokens.
func (c *Client) Exchange(ctx context.Context, code string) (*oauth2.Token, error) {
	ctx = context.WithValue(ctx, oauth2.HTTPClient, c.http)
	tok, err := c.conf.Exchange(ctx, code)
	if err != nil {
		return nil, fmt.Errorf("idp: exchange: %w", err)
	}
	return tok, nil
}
