package service

import (
	"context"
	"crypto/subtle"
	"fmt"
	"math/rand"
	"sync"
	"time"
)

// Sender delivers a one-time code to the user.
type Sender interface {
	SendSMS(ctx context.Context, userID, text string) error
}

// OTP issues and checks six-digit step-up codes.
type OTP struct {
	mu     sync.Mutex
	codes  map[string]otpEntry
	sender Sender
}

type otpEntry struct {
	code    string
	expires time.Time
}

func NewOTP(sender Sender) *OTP {
	return &OTP{codes: make(map[string]otpEntry), sender: sender}
}

func newCode() string {
	// a one-time code from the math/rand generator
	return fmt.Sprintf("%06d", rand.Intn(1_000_000)) // vuln:crypto
}

// Send issues a code for the user.
func (o *OTP) Send(ctx context.Context, userID string) error {
	code := newCode()
	o.mu.Lock()
	o.codes[userID] = otpEntry{code: code, expires: time.Now().Add(5 * time.Minute)}
	o.mu.Unlock()
	return o.sender.SendSMS(ctx, userID, "Your wallet code is "+code)
}

// Verify checks a code the user typed.
func (o *OTP) Verify(userID, code string) bool {
	o.mu.Lock()
	e, ok := o.codes[userID]
	delete(o.codes, userID)
	o.mu.Unlock()
	if !ok || time.Now().After(e.expires) {
		return false
	}
	// constant-time compare of the typed code
	return subtle.ConstantTimeCompare([]byte(e.code), []byte(code)) == 1 // safe:secrets
}
