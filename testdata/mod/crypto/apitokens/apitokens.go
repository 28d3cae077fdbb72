// Package apitokens mints credentials with math/rand: the package name,
// the function's name and the variable's name each say what a value is.
package apitokens

import (
	"fmt"
	"math/rand"
	mrand "math/rand/v2"
	"strconv"
)

// New is a bare constructor: the package says it makes a token.
func New(prefix string) string {
	return fmt.Sprintf("%s_%x", prefix, rand.Int63()) // want `AV607`
}

const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"

// NewClientKey builds a client key one character at a time.
func NewClientKey() string {
	buf := make([]byte, 24)
	for i := range buf {
		buf[i] = alphabet[mrand.IntN(len(alphabet))] // want `AV607`
	}
	return "ck_" + string(buf)
}

// NewPartitionKey spreads writes over partitions: not a credential.
func NewPartitionKey() string {
	return "p" + strconv.Itoa(mrand.IntN(64))
}

// Notifier sends one-time codes.
type Notifier struct{ pending map[string]string }

// SendSMSCode texts a sign-in code; the variable is a bare "code".
func (n *Notifier) SendSMSCode(phone string) string {
	code := strconv.Itoa(100000 + rand.Intn(900000)) // want `AV607`
	n.pending[phone] = code
	return code
}

// LockerCode opens a parcel locker.
func (n *Notifier) LockerCode(locker string) string {
	code := fmt.Sprintf("%04d", rand.Intn(10000)) // want `AV607`
	n.pending[locker] = code
	return code
}

// RandomStatusCode picks a status for fault injection: not a secret.
func RandomStatusCode() int {
	code := 500 + rand.Intn(4)
	return code
}

// ColorCode picks a chart colour.
func ColorCode() string {
	code := fmt.Sprintf("#%06x", rand.Intn(0xffffff))
	return code
}
