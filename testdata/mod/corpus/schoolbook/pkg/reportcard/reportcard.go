// Package reportcard encrypts exported report cards for e-mailing to parents.
package reportcard

import (
	"crypto/des"
	"crypto/sha256"
	"math/rand"
)

// Encrypt encrypts a report card PDF with a passphrase the teacher types.
func Encrypt(passphrase string, pdf []byte) ([]byte, error) {
	// the passphrase turned into a key with one SHA-256
	sum := sha256.Sum256([]byte(passphrase)) // vuln:crypto
	// single DES, as the old parent-portal reader expects
	block, err := des.NewCipher(sum[:8]) // vuln:crypto
	if err != nil {
		return nil, err
	}
	bs := block.BlockSize()
	padded := append([]byte{}, pdf...)
	for len(padded)%bs != 0 {
		padded = append(padded, 0)
	}
	out := make([]byte, len(padded))
	for i := 0; i < len(padded); i += bs {
		// each block encrypted independently: ECB
		block.Encrypt(out[i:i+bs], padded[i:i+bs]) // vuln:crypto
	}
	return out, nil
}

// SeatingChart shuffles a class for a random seating plan.
func SeatingChart(students []string, seed int64) []string {
	out := append([]string{}, students...)
	// a seating plan, not a secret
	rand.New(rand.NewSource(seed)).Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] }) // safe:crypto
	return out
}
