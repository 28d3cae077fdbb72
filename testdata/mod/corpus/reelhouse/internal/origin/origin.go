// Package origin fetches renditions from the storage origin and the
// transcoding farm.
package origin

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net/http"
	"os"
)

// StorageClient talks to the object store over the private network.
func StorageClient() *http.Client {
	tc := &tls.Config{
		// the private store's certificate "never matched" its IP
		InsecureSkipVerify: true, // vuln:transport
	}
	return &http.Client{Transport: &http.Transport{TLSClientConfig: tc}}
}

// FarmClient talks to the transcoding farm, whose certificates carry no
// host names; the chain is verified against the farm's own CA instead.
func FarmClient(caFile string) (*http.Client, error) {
	pem, err := os.ReadFile(caFile)
	if err != nil {
		return nil, err
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(pem) {
		return nil, errors.New("origin: no CA certificates")
	}
	tc := &tls.Config{
		// TLS 1.2 floor
		MinVersion: tls.VersionTLS12, // safe:transport
		// two AEAD suites only
		CipherSuites: []uint16{ // safe:transport
			tls.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
			tls.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
		},
		// host name checks are skipped but VerifyPeerCertificate checks the chain against the pool
		InsecureSkipVerify: true, // safe:transport
		VerifyPeerCertificate: func(raw [][]byte, _ [][]*x509.Certificate) error {
			if len(raw) == 0 {
				return errors.New("origin: no certificate")
			}
			certs := make([]*x509.Certificate, 0, len(raw))
			for _, r := range raw {
				c, err := x509.ParseCertificate(r)
				if err != nil {
					return err
				}
				certs = append(certs, c)
			}
			inter := x509.NewCertPool()
			for _, c := range certs[1:] {
				inter.AddCert(c)
			}
			_, err := certs[0].Verify(x509.VerifyOptions{Roots: pool, Intermediates: inter})
			return err
		},
	}
	return &http.Client{Transport: &http.Transport{TLSClientConfig: tc}}, nil
}
