// Package hsm connects to the hardware security modules and the KMIP server.
package hsm

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net/http"

	"example.com/apivettest/corpus/keyvault/internal/config"
)

// HSMClient talks to the HSM, whose certificate names an IP the default check cannot match.
func HSMClient(pool *x509.CertPool) *http.Client {
	cfg := &tls.Config{
		// TLS 1.2 floor
		MinVersion: tls.VersionTLS12, // safe:transport
		// verification is done by VerifyPeerCertificate against the HSM's pool
		InsecureSkipVerify: true, // safe:transport
		VerifyPeerCertificate: func(raw [][]byte, _ [][]*x509.Certificate) error {
			if len(raw) == 0 {
				return errors.New("no certificate")
			}
			leaf, err := x509.ParseCertificate(raw[0])
			if err != nil {
				return err
			}
			inter := x509.NewCertPool()
			for _, r := range raw[1:] {
				if c, err := x509.ParseCertificate(r); err == nil {
					inter.AddCert(c)
				}
			}
			_, err = leaf.Verify(x509.VerifyOptions{Roots: pool, Intermediates: inter})
			return err
		},
	}
	return &http.Client{Transport: &http.Transport{TLSClientConfig: cfg}}
}

// KMIPConfig is the TLS configuration of the KMIP connection.
func KMIPConfig(c config.Config) *tls.Config {
	return &tls.Config{
		// the operator can switch verification off through the environment
		InsecureSkipVerify: c.SkipVerify(), // vuln:transport
		// the old KMIP appliance tops out at TLS 1.1
		MaxVersion: tls.VersionTLS11, // vuln:transport
	}
}
