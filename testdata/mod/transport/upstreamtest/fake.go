// Package upstreamtest fakes the payment upstream for integration runs.
package upstreamtest

import "crypto/tls"

// ClientConfig trusts the fake's self-signed certificate.
func ClientConfig() *tls.Config { return &tls.Config{InsecureSkipVerify: true} }
