// Package client builds the HTTP clients the service uses for upstreams.
package client

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"log"
	"net/http"
	"os"
	"strconv"
	"time"

	"example.com/apivettest/transport/config"
)

// Insecure is the classic copy-paste.
func Insecure() *http.Client {
	return &http.Client{
		Timeout: 10 * time.Second,
		Transport: &http.Transport{
			TLSClientConfig: &tls.Config{InsecureSkipVerify: true}, // want `AV801 high: InsecureSkipVerify is true: the connection accepts any certificate`
		},
	}
}

// FromConstant reads a constant of another package.
func FromConstant() *tls.Config {
	return &tls.Config{
		InsecureSkipVerify: config.SkipVerify, // want `AV801 high: InsecureSkipVerify is true \(through config.SkipVerify\)`
	}
}

// FromEnv is the environment switch.
func FromEnv() *http.Transport {
	insecure := os.Getenv("SKIP_VERIFY") == "true"
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.TLSClientConfig = &tls.Config{
		InsecureSkipVerify: insecure, // want `AV801 high: InsecureSkipVerify is true whenever os.Getenv\("SKIP_VERIFY"\) == "true" \(an environment switch\)`
	}
	return tr
}

// ParsedEnv parses the variable.
func ParsedEnv() *tls.Config {
	skip, _ := strconv.ParseBool(os.Getenv("TLS_INSECURE"))
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	cfg.InsecureSkipVerify = skip // want `AV801 high: InsecureSkipVerify is true whenever strconv.ParseBool\(os.Getenv\("TLS_INSECURE"\)\)`
	return cfg
}

// EnvTagged uses a field bound to an environment variable.
func EnvTagged(env config.Env) *tls.Config {
	return &tls.Config{InsecureSkipVerify: env.SkipTLSVerify} // want `AV801 high: InsecureSkipVerify is true whenever env.SkipTLSVerify \(env SKIP_TLS_VERIFY\)`
}

// DevMode turns verification off in development.
func DevMode(up config.Upstream, appEnv string) *http.Transport {
	tr := &http.Transport{TLSClientConfig: &tls.Config{}}
	if appEnv == "development" {
		tr.TLSClientConfig.InsecureSkipVerify = true // want `AV801 high: InsecureSkipVerify can be true \(appEnv == "development"\)`
	}
	return tr
}

// DebugSwitch reads a debug flag from the configuration.
func DebugSwitch(up config.Upstream) *tls.Config {
	return &tls.Config{InsecureSkipVerify: up.Debug} // want `AV801 high: InsecureSkipVerify can be true \(up.Debug\)`
}

func skipVerification() bool {
	return os.Getenv("APP_ENV") != "production"
}

// Helper asks a helper that can say yes.
func Helper() *tls.Config {
	return &tls.Config{InsecureSkipVerify: skipVerification()} // want `AV801 high: InsecureSkipVerify is true whenever os.Getenv\("APP_ENV"\) != "production"`
}

func envBool(key string, def bool) bool {
	v, ok := os.LookupEnv(key)
	if !ok {
		return def
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		return def
	}
	return b
}

// EnvHelper reads the switch through a helper.
func EnvHelper() *tls.Config {
	return &tls.Config{InsecureSkipVerify: envBool("UPSTREAM_TLS_INSECURE", false)} // want `AV801 high: InsecureSkipVerify is true whenever envBool\("UPSTREAM_TLS_INSECURE", false\) \(an environment switch\)`
}

// Settings knows the deployment.
type Settings struct{ Env string }

// IsLocal reports a developer machine.
func (s *Settings) IsLocal() bool { return s.Env == "local" }

// LocalOnly turns verification off on developer machines.
func LocalOnly(s *Settings) *tls.Config {
	return &tls.Config{InsecureSkipVerify: s.IsLocal()} // want `AV801 high: InsecureSkipVerify can be true \(s.Env == "local"\)`
}

// FailOpen skips verification when no CA is configured.
func FailOpen(up config.Upstream) (*tls.Config, error) {
	cfg := &tls.Config{}
	if up.CAFile == "" {
		cfg.InsecureSkipVerify = true // want `AV801 high: InsecureSkipVerify can be true \(up.CAFile == ""\)`
		return cfg, nil
	}
	pem, err := os.ReadFile(up.CAFile)
	if err != nil {
		return nil, err
	}
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(pem)
	cfg.RootCAs = pool
	return cfg, nil
}

// NoopCallback "verifies" by logging.
func NoopCallback() *tls.Config {
	return &tls.Config{
		InsecureSkipVerify: true, // want `AV801 high: InsecureSkipVerify is true`
		VerifyPeerCertificate: func(rawCerts [][]byte, _ [][]*x509.Certificate) error {
			log.Printf("peer sent %d certificates", len(rawCerts))
			return nil
		},
	}
}

// Suppressed is reviewed.
func Suppressed() *tls.Config {
	return &tls.Config{
		InsecureSkipVerify: true, //apivet:ignore AV801 loopback sidecar with a per-boot self-signed cert, see ADR-12
	}
}

// --- safe look-alikes (and configuration knobs, reported above) ---

// Verified: the default.
func Verified() *http.Client {
	return &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{MinVersion: tls.VersionTLS12}}}
}

// Knob: a configuration setting can turn verification off in production.
func Knob(up config.Upstream) *tls.Config {
	return &tls.Config{InsecureSkipVerify: up.InsecureSkipVerify} // want `AV801 high: InsecureSkipVerify is whatever the setting up.InsecureSkipVerify says`
}

// GuardedKnob: the same, set under a guard.
func GuardedKnob(up config.Upstream) *tls.Config {
	cfg := &tls.Config{}
	if up.InsecureSkipVerify {
		log.Print("TLS verification disabled by configuration")
		cfg.InsecureSkipVerify = true // want `AV801 high: InsecureSkipVerify is whatever the setting up.InsecureSkipVerify says`
	}
	return cfg
}

// NewClient is exported: its callers decide.
func NewClient(insecureSkipVerify bool) *http.Client {
	return &http.Client{Transport: &http.Transport{
		TLSClientConfig: &tls.Config{InsecureSkipVerify: insecureSkipVerify},
	}}
}

// ProvenFalse: a variable that only ever holds false.
func ProvenFalse() *tls.Config {
	skip := false
	if os.Getenv("X") == "" {
		skip = false
	}
	return &tls.Config{InsecureSkipVerify: skip}
}

// Pinned verifies the chain against its own pool.
func Pinned(pool *x509.CertPool) *tls.Config {
	cfg := &tls.Config{
		InsecureSkipVerify: true, // needed for the custom verification below
		VerifyConnection: func(cs tls.ConnectionState) error {
			if len(cs.PeerCertificates) == 0 {
				return errors.New("no certificate")
			}
			opts := x509.VerifyOptions{Roots: pool, DNSName: cs.ServerName, Intermediates: x509.NewCertPool()}
			for _, c := range cs.PeerCertificates[1:] {
				opts.Intermediates.AddCert(c)
			}
			_, err := cs.PeerCertificates[0].Verify(opts)
			return err
		},
	}
	return cfg
}

func verifyPeer(raw [][]byte, _ [][]*x509.Certificate) error {
	if len(raw) == 0 {
		return errors.New("no certificate")
	}
	_, err := x509.ParseCertificate(raw[0])
	return err
}

// PinnedLater sets the callback after the literal.
func PinnedLater() *http.Transport {
	tr := &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}
	tr.TLSClientConfig.VerifyPeerCertificate = verifyPeer
	return tr
}
