// Package share makes public share links for tickets.
package share

import (
	"crypto/sha1"
	"encoding/hex"
	"math/rand"
	randv2 "math/rand/v2"
)

const alphabet = "abcdefghijkmnopqrstuvwxyz23456789"

// LinkToken returns the secret part of a share link; whoever holds it can read the ticket.
func LinkToken() string {
	b := make([]byte, 20)
	for i := range b {
		// math/rand for a bearer secret
		b[i] = alphabet[rand.Intn(len(alphabet))] // vuln:crypto
	}
	return string(b)
}

// AttachmentKey names an attachment by its content, to deduplicate uploads.
func AttachmentKey(content []byte) string {
	// SHA-1 as a content address for deduplication, not for security
	sum := sha1.Sum(content) // safe:crypto
	return hex.EncodeToString(sum[:])
}

// SampleForAudit picks about one ticket event in a hundred for the audit log.
func SampleForAudit() bool {
	// sampling, not a secret
	return randv2.IntN(100) == 0 // safe:crypto
}
