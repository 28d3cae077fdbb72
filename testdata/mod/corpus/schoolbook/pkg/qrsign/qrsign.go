// Package qrsign signs the QR codes printed on student ID cards and checks
// submitted files.
package qrsign

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
)

// Card returns the payload printed as a QR code on a student ID card.
func Card(key []byte, studentID int64) string {
	msg := fmt.Sprintf("sb:%d", studentID)
	// HMAC-SHA256 over the payload
	m := hmac.New(sha256.New, key) // safe:crypto
	m.Write([]byte(msg))
	return msg + "." + base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// FileDigest records the SHA-256 of a submitted assignment for integrity.
func FileDigest(b []byte) string {
	// an integrity digest of a file
	sum := sha256.Sum256(b) // safe:crypto
	return hex.EncodeToString(sum[:])
}

// SealCredential encrypts the SIS API credentials stored in the database.
func SealCredential(key, plaintext []byte) ([]byte, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	gcm, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	nonce := make([]byte, gcm.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return nil, err
	}
	// AES-GCM with a random nonce
	return gcm.Seal(nonce, nonce, plaintext, nil), nil // safe:crypto
}
