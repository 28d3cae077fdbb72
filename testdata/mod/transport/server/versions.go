package server

import tlspkg "crypto/tls"

// Outdated has fixable versions.
func Outdated() []*tlspkg.Config {
	return []*tlspkg.Config{
		{MinVersion: tlspkg.VersionTLS11}, // want `AV802 medium: MinVersion is tls.VersionTLS11`
		{MinVersion: tlspkg.VersionSSL30}, // want `AV802 medium: MinVersion is tls.VersionSSL30, which lets connections use SSL 3.0`
	}
}
