// Package mailer sends e-mail through the company relay.
package mailer

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha1"
	"crypto/tls"
	"encoding/base64"
	"fmt"
	"math/rand"
	"net/smtp"
	"time"
)

// Mailer sends messages.
type Mailer struct {
	host, user, pass string
	unsubKey         []byte
}

// New builds a mailer.
func New(host, user, pass string, unsubKey []byte) *Mailer {
	return &Mailer{host: host, user: user, pass: pass, unsubKey: unsubKey}
}

func (m *Mailer) tlsConfig() *tls.Config {
	return &tls.Config{
		ServerName: m.host,
		// TLS 1.2 floor
		MinVersion: tls.VersionTLS12, // safe:transport
		// verification stays on
		InsecureSkipVerify: false, // safe:transport
	}
}

// Send delivers one message.
func (m *Mailer) Send(to, subject, body string) error {
	c, err := smtp.Dial(m.host + ":587")
	if err != nil {
		return err
	}
	defer c.Close()
	if err := c.StartTLS(m.tlsConfig()); err != nil {
		return err
	}
	if err := c.Auth(smtp.PlainAuth("", m.user, m.pass, m.host)); err != nil {
		return err
	}
	return c.Quit()
}

// UnsubscribeSig signs the legacy unsubscribe links with HMAC-SHA1.
func (m *Mailer) UnsubscribeSig(email string) string {
	// SHA-1 for a token signature
	mac := hmac.New(sha1.New, m.unsubKey) // vuln:crypto
	mac.Write([]byte(email))
	return base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
}

// TemplateCacheKey names a rendered template in the cache.
func TemplateCacheKey(name string, version int) string {
	// MD5 as a cache key
	return fmt.Sprintf("%x", md5.Sum([]byte(fmt.Sprintf("%s@%d", name, version)))) // safe:crypto
}

// Backoff waits before retrying the relay, with jitter.
func Backoff(attempt int) time.Duration {
	d := time.Duration(attempt*attempt) * time.Second
	// jitter
	return d + time.Duration(rand.Int63n(int64(time.Second))) // safe:crypto
}
