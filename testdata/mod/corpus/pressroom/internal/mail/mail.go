// Package mail sends the newsletter confirmation mails.
package mail

import (
	"fmt"
	"net/smtp"
	"strings"
)

// the SMTP relay password, committed when the relay was set up
const smtpPassword = "Pr3ssr00m!Relay#2024" // vuln:secrets

// Mailer sends through the relay.
type Mailer struct {
	host string
	user string
}

// New builds the mailer.
func New(host, user string) *Mailer { return &Mailer{host: host, user: user} }

// Confirm sends a confirmation link.
func (m *Mailer) Confirm(to, link string) error {
	hostname := strings.Split(m.host, ":")[0]
	auth := smtp.PlainAuth("", m.user, smtpPassword, hostname)
	msg := fmt.Sprintf("To: %s\r\nSubject: Confirm your subscription\r\n\r\n%s\r\n", to, link)
	return smtp.SendMail(m.host, auth, m.user, []string{to}, []byte(msg))
}
