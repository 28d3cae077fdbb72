// Package proxy forwards API traffic to the upstream services.
package proxy

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"

	"example.com/apivettest/corpus/edgeway/internal/config"
	"example.com/apivettest/corpus/edgeway/internal/oauth"
	"example.com/apivettest/corpus/edgeway/internal/upstream"
)

// legacyCBC is what the 2016 billing backend negotiates.
var legacyCBC = []uint16{tls.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256, tls.TLS_RSA_WITH_AES_128_CBC_SHA256}

func pool(caFile string) *x509.CertPool {
	p := x509.NewCertPool()
	if pem, err := os.ReadFile(caFile); err == nil {
		p.AppendCertsFromPEM(pem)
	}
	return p
}

// mainTLS is the upstream client configuration. Staging upstreams use
// self-signed certificates, so verification follows EDGEWAY_UPSTREAM_INSECURE.
func mainTLS(u config.Upstream) *tls.Config {
	return &tls.Config{
		RootCAs: pool(u.CAFile),
		// can be true at run time, from the environment
		InsecureSkipVerify: u.Insecure, // vuln:transport
		// TLS 1.2 floor
		MinVersion: tls.VersionTLS12, // safe:transport
	}
}

// pinnedTLS skips Go's hostname check for the mesh's SPIFFE certificates
// but verifies the chain itself against the mesh CA.
func pinnedTLS(caFile string) *tls.Config {
	roots := pool(caFile)
	return &tls.Config{
		// the chain is verified below in VerifyPeerCertificate against the mesh pool
		InsecureSkipVerify: true, // safe:transport
		VerifyPeerCertificate: func(raw [][]byte, _ [][]*x509.Certificate) error {
			if len(raw) == 0 {
				return errors.New("proxy: no peer certificate")
			}
			certs := make([]*x509.Certificate, 0, len(raw))
			for _, der := range raw {
				c, err := x509.ParseCertificate(der)
				if err != nil {
					return err
				}
				certs = append(certs, c)
			}
			inter := x509.NewCertPool()
			for _, c := range certs[1:] {
				inter.AddCert(c)
			}
			_, err := certs[0].Verify(x509.VerifyOptions{Roots: roots, Intermediates: inter})
			return err
		},
	}
}

// legacyTLS talks to the billing backend.
func legacyTLS() *tls.Config {
	return &tls.Config{
		// TLS 1.1 as the floor
		MinVersion: tls.VersionTLS11, // vuln:transport
		// and as the ceiling
		MaxVersion: tls.VersionTLS11, // vuln:transport
		// CBC-SHA256 suites, insecure per tls.InsecureCipherSuites
		CipherSuites: legacyCBC, // vuln:transport
	}
}

// New builds the proxies.
func New(cfg config.Config, log *slog.Logger) (main, billing, mesh http.Handler) {
	mainURL, _ := url.Parse(cfg.Upstream.URL)
	legacyURL, _ := url.Parse(cfg.Legacy.URL)

	mp := httputil.NewSingleHostReverseProxy(mainURL)
	mp.Transport = &http.Transport{TLSClientConfig: mainTLS(cfg.Upstream)}
	inner := mp.Director
	mp.Director = func(r *http.Request) {
		inner(r)
		upstream.Authorize(r, cfg.Upstream)
		if sub, err := oauth.Subject(r.Header.Get("Authorization")); err == nil {
			r.Header.Set("X-User", sub)
		}
	}
	mp.ErrorHandler = func(w http.ResponseWriter, r *http.Request, err error) {
		log.Error("upstream", "err", err)
		// a fixed 502 text; the dial error stays in the log
		http.Error(w, http.StatusText(http.StatusBadGateway), http.StatusBadGateway) // safe:exposure
	}

	bp := httputil.NewSingleHostReverseProxy(legacyURL)
	bp.Transport = &http.Transport{TLSClientConfig: legacyTLS()}
	legacyDirector := bp.Director
	bp.Director = func(r *http.Request) {
		legacyDirector(r)
		upstream.AuthorizeLegacy(r)
	}
	bp.ErrorHandler = func(w http.ResponseWriter, r *http.Request, err error) {
		// the upstream's dial/TLS error, internal host names included, on a 502
		http.Error(w, err.Error(), http.StatusBadGateway) // vuln:exposure
	}

	targets := []*url.URL{mainURL}
	mesh = &httputil.ReverseProxy{
		Rewrite: func(pr *httputil.ProxyRequest) {
			// random choice between replicas: load balancing, not security
			pr.SetURL(targets[rand.IntN(len(targets))]) // safe:crypto
		},
		Transport: &http.Transport{TLSClientConfig: pinnedTLS(cfg.Upstream.CAFile)},
	}
	return mp, bp, mesh
}
