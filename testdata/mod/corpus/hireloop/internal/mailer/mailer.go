// Package mailer sends hireloop's e-mail through the SMTP relay.
package mailer

import (
	"crypto/tls"
	"fmt"
	"net/smtp"

	"example.com/apivettest/corpus/hireloop/internal/config"
)

type Mailer struct {
	cfg config.SMTP
	tls *tls.Config
}

func New(cfg config.SMTP) *Mailer {
	return &Mailer{cfg: cfg, tls: &tls.Config{
		ServerName: cfg.Host,
		// the old relay appliance breaks on anything newer than TLS 1.1
		MaxVersion: tls.VersionTLS11, // vuln:transport
	}}
}

func (m *Mailer) Send(to, subject, body string) error {
	addr := fmt.Sprintf("%s:%d", m.cfg.Host, m.cfg.Port)
	c, err := smtp.Dial(addr)
	if err != nil {
		return err
	}
	defer c.Close()
	if err := c.StartTLS(m.tls); err != nil {
		return err
	}
	if err := c.Auth(smtp.PlainAuth("", m.cfg.User, m.cfg.Password, m.cfg.Host)); err != nil {
		return err
	}
	if err := c.Mail(m.cfg.User); err != nil {
		return err
	}
	if err := c.Rcpt(to); err != nil {
		return err
	}
	w, err := c.Data()
	if err != nil {
		return err
	}
	if _, err := fmt.Fprintf(w, "Subject: %s\r\n\r\n%s", subject, body); err != nil {
		return err
	}
	return w.Close()
}

// BackupRelay is the hosted relay used when the appliance is down.
func BackupRelay(host string) *tls.Config {
	// TLS 1.2 minimum
	return &tls.Config{ServerName: host, MinVersion: tls.VersionTLS12} // safe:transport
}
