// Package mqtt configures the broker connection readings are forwarded to.
package mqtt

import (
	"crypto/tls"
	"crypto/x509"
	"net"
	"time"

	"example.com/apivettest/corpus/sensorhub/internal/config"
)

// legacySuites keeps the 2017 gateways connecting.
var legacySuites = []uint16{
	tls.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
	tls.TLS_RSA_WITH_3DES_EDE_CBC_SHA,
	tls.TLS_RSA_WITH_RC4_128_SHA,
}

// modernSuites are the TLS 1.2 AEAD suites.
var modernSuites = []uint16{
	tls.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
	tls.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
	tls.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
}

// BrokerTLS is the client configuration for the MQTT broker.
func BrokerTLS(c *config.Config, roots *x509.CertPool) *tls.Config {
	return &tls.Config{
		RootCAs: roots,
		// true whenever SENSORHUB_MQTT_INSECURE is set
		InsecureSkipVerify: c.MQTT.SkipVerify, // vuln:transport
		// TLS 1.0 for the old gateways
		MinVersion: tls.VersionTLS10, // vuln:transport
		// 3DES and RC4 through the variable above
		CipherSuites: legacySuites, // vuln:transport
	}
}

// CDNTLS is the client configuration for the firmware CDN.
func CDNTLS(roots *x509.CertPool) *tls.Config {
	return &tls.Config{
		RootCAs: roots,
		// TLS 1.2 floor
		MinVersion: tls.VersionTLS12, // safe:transport
		// AEAD suites only
		CipherSuites: modernSuites, // safe:transport
	}
}

// Dial connects to the broker.
func Dial(addr string, cfg *tls.Config) (net.Conn, error) {
	d := &net.Dialer{Timeout: 10 * time.Second}
	return tls.DialWithDialer(d, "tcp", addr, cfg)
}
