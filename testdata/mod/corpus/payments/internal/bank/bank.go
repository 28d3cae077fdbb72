// Package bank talks to the acquiring bank and the card vault.
package bank

import (
	"context"
	"crypto/des"
	"crypto/tls"
	"net/http"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"

	"example.com/apivettest/corpus/payments/internal/config"
)

// acquirerOAuth is the acquiring bank's OAuth client.
var acquirerOAuth = oauth2.Config{
	ClientID: "payments-prod",
	// a real client secret in the source
	ClientSecret: "q8Zt2LxV7mN4pR9sW1cY6bK3", // vuln:secrets
	// an endpoint URL
	Endpoint: oauth2.Endpoint{TokenURL: "https://auth.acquirer.example/oauth/token"}, // safe:secrets
}

// PartnerClient uses the client-credentials grant with the secret from config.
func PartnerClient(ctx context.Context, c config.Config) *http.Client {
	cc := clientcredentials.Config{
		ClientID: "payments",
		// from the configuration
		ClientSecret: c.PartnerSecret, // safe:secrets
		TokenURL:     "https://partner.example/oauth/token",
	}
	return cc.Client(ctx)
}

// AcquirerTransport is the TLS setup of the acquirer connection.
func AcquirerTransport() *http.Transport {
	return &http.Transport{TLSClientConfig: &tls.Config{
		// the acquirer's endpoint still negotiates TLS 1.0
		MinVersion: tls.VersionTLS10, // vuln:transport
		// ECDHE with AES-CBC-SHA is in Go's secure list
		CipherSuites: []uint16{tls.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, tls.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA}, // safe:transport
	}}
}

// VaultTransport is the TLS setup of the card vault connection.
func VaultTransport(c config.Config) *http.Transport {
	tlsCfg := &tls.Config{
		// the floor comes from the environment; its value is unknown here
		MinVersion: c.MinTLS, // safe:transport
	}
	// true whenever PAY_SANDBOX=1 in any deployment
	tlsCfg.InsecureSkipVerify = c.Sandbox // vuln:transport
	return &http.Transport{TLSClientConfig: tlsCfg}
}

// ProcessorTransport is the TLS setup of the processor connection.
func ProcessorTransport() *http.Transport {
	// TLS 1.3 floor
	return &http.Transport{TLSClientConfig: &tls.Config{MinVersion: tls.VersionTLS13}} // safe:transport
}

// Token fetches an acquirer token.
func Token(ctx context.Context) (*oauth2.Token, error) {
	return acquirerOAuth.Exchange(ctx, "")
}

// PINBlock encrypts an ISO 9564 PIN block under the zone PIN key.
func PINBlock(zpk, block []byte) ([]byte, error) {
	// 3DES, as the bank's HSM still requires
	c, err := des.NewTripleDESCipher(zpk) // vuln:crypto
	if err != nil {
		return nil, err
	}
	out := make([]byte, des.BlockSize)
	// one 8-byte block, not a loop over data
	c.Encrypt(out, block) // safe:crypto
	return out, nil
}
