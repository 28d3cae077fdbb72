// Package server starts the HTTPS API.
package server

import (
	"crypto/tls"
	"net"
	"net/http"
	"os"

	"example.com/apivettest/transport/config"
)

// New builds the HTTPS server.
func New(h http.Handler) *http.Server {
	return &http.Server{ // want `AV804 medium: http.Server sets neither ReadHeaderTimeout nor ReadTimeout`
		Addr:    ":8443",
		Handler: h,
		TLSConfig: &tls.Config{
			MinVersion: tls.VersionTLS10, // want `AV802 medium: MinVersion is tls.VersionTLS10, which lets connections use TLS 1.0`
			CipherSuites: []uint16{ // want `AV803 medium: CipherSuites enables TLS_RSA_WITH_RC4_128_SHA, TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA, which Go lists as insecure \(3DES, RC4\)`
				tls.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
				tls.TLS_RSA_WITH_RC4_128_SHA,
				tls.TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA,
			},
			// A server never reads InsecureSkipVerify.
			InsecureSkipVerify: true,
		},
	}
}

var legacySuites = []uint16{
	tls.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
	tls.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256,
}

// Legacy serves old clients through package-level settings.
func Legacy() *tls.Config {
	cfg := &tls.Config{}
	cfg.MinVersion = config.LegacyMinVersion // want `AV802 medium: MinVersion is tls.VersionTLS10`
	cfg.MaxVersion = tls.VersionTLS11        // want `AV802 medium: MaxVersion is tls.VersionTLS11, which caps every connection at TLS 1.1`
	cfg.CipherSuites = legacySuites          // want `AV803 medium: CipherSuites enables TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256`
	return cfg
}

// Listener builds a TLS listener with a version chosen by the environment.
func Listener(l net.Listener) net.Listener {
	min := uint16(tls.VersionTLS12)
	if os.Getenv("LEGACY_CLIENTS") != "" {
		min = tls.VersionTLS11
	}
	return tls.NewListener(l, &tls.Config{MinVersion: min}) // want `AV802 medium: MinVersion can be tls.VersionTLS11 \(when os.Getenv\("LEGACY_CLIENTS"\) != ""\)`
}

// --- safe look-alikes ---

// CompatListener: an opt-in parameter, the caller's choice.
func CompatListener(l net.Listener, compat bool) net.Listener {
	min := uint16(tls.VersionTLS12)
	if compat {
		min = tls.VersionTLS11
	}
	return tls.NewListener(l, &tls.Config{MinVersion: min})
}

// Modern: explicit 1.2 and 1.3, strong suites.
func Modern() *tls.Config {
	return &tls.Config{
		MinVersion: config.ModernMinVersion,
		MaxVersion: tls.VersionTLS13,
		CipherSuites: []uint16{
			tls.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
			tls.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
			tls.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
		},
	}
}

// ZeroMin: Go's default is TLS 1.2.
func ZeroMin() *tls.Config { return &tls.Config{MinVersion: 0} }

// TLS13Only: CipherSuites does not apply to TLS 1.3.
func TLS13Only() *tls.Config {
	return &tls.Config{
		MinVersion:   tls.VersionTLS13,
		CipherSuites: []uint16{tls.TLS_RSA_WITH_AES_128_CBC_SHA256},
	}
}

func parseVersion(s string) uint16 {
	switch s {
	case "1.0":
		return tls.VersionTLS10
	case "1.1":
		return tls.VersionTLS11
	case "1.3":
		return tls.VersionTLS13
	}
	return tls.VersionTLS12
}

// Configured: a parser of the configured version.
func Configured(v string) *tls.Config {
	return &tls.Config{MinVersion: parseVersion(v)}
}
