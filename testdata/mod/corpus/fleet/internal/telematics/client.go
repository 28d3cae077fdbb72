// Package telematics talks to the vehicle tracker vendor.
package telematics

import (
	"crypto/tls"
	"net/http"
	"os"
	"time"
)

// Client calls the vendor API.
type Client struct {
	base       string
	user, pass string
	http       *http.Client
}

// New builds the client. Developers run a fake vendor with a self-signed certificate.
func New(base, user, pass string) *Client {
	tr := &http.Transport{TLSClientConfig: &tls.Config{
		// TLS 1.3 floor
		MinVersion: tls.VersionTLS13, // safe:transport
		// an environment variable can switch verification off in any deployment
		InsecureSkipVerify: os.Getenv("FLEET_ENV") == "dev", // vuln:transport
	}}
	return &Client{base: base, user: user, pass: pass, http: &http.Client{Transport: tr, Timeout: 10 * time.Second}}
}

// Positions fetches the latest fixes.
func (c *Client) Positions() (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, c.base+"/v2/positions", nil)
	if err != nil {
		return nil, err
	}
	// credentials from the configuration
	req.SetBasicAuth(c.user, c.pass) // safe:secrets
	return c.http.Do(req)
}

// LegacyPositions calls the old endpoint with the shared account.
func (c *Client) LegacyPositions() (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, c.base+"/v1/positions", nil)
	if err != nil {
		return nil, err
	}
	// the vendor's shared account password is written into the code
	req.SetBasicAuth("fleet-legacy", "Vq7#pL2m!Rz9tKx4") // vuln:secrets
	return c.http.Do(req)
}
