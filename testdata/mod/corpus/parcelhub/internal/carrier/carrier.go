// Package carrier holds the clients for the carriers parcelhub books with.
package carrier

import (
	"crypto/tls"
	"net/http"
	"time"
)

// Credentials for a carrier's OAuth client.
type Credentials struct {
	ClientID     string
	ClientSecret string
}

// fastFreightCreds is the production OAuth client of FastFreight.
var fastFreightCreds = Credentials{
	// a client id is not a secret
	ClientID: "parcelhub-prod-7731", // safe:secrets
	// the client secret is committed with it
	ClientSecret: "Zr8Tq2Lw9Xv4Nm7Pk1Hs6Jd3Fb5Gc0Ya", // vuln:secrets
}

// legacySuites are the suites NordPost's EDI gateway negotiates.
var legacySuites = []uint16{
	tls.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
	tls.TLS_RSA_WITH_AES_128_CBC_SHA256,
}

// Client is an HTTP client for one carrier.
type Client struct {
	BaseURL string
	Creds   Credentials
	HTTP    *http.Client
}

// FastFreight talks to a modern TLS 1.3 endpoint.
func FastFreight(baseURL string) *Client {
	tc := &tls.Config{
		// TLS 1.3 only
		MinVersion: tls.VersionTLS13, // safe:transport
		// verification stays on
		InsecureSkipVerify: false, // safe:transport
	}
	return &Client{BaseURL: baseURL, Creds: fastFreightCreds, HTTP: newHTTP(tc)}
}

// NordPost talks to the postal EDI gateway, which is stuck on old TLS.
func NordPost(baseURL string) *Client {
	tc := &tls.Config{}
	// TLS 1.0 accepted
	tc.MinVersion = tls.VersionTLS10 // vuln:transport
	// a CBC-SHA256 suite from the variable above
	tc.CipherSuites = legacySuites // vuln:transport
	return &Client{BaseURL: baseURL, HTTP: newHTTP(tc)}
}

func newHTTP(tc *tls.Config) *http.Client {
	return &http.Client{Timeout: 15 * time.Second, Transport: &http.Transport{TLSClientConfig: tc}}
}
