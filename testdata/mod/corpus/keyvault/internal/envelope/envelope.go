// Package envelope encrypts customer secrets.
package envelope

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/md5"
	"crypto/rand"
	"crypto/sha256"
	"errors"
	"io"

	"golang.org/x/crypto/hkdf"
)

// staticIV was introduced to make ciphertexts reproducible in tests.
var staticIV = []byte("kv-static-iv-016")

// fixedNonce is the GCM nonce of the transit encryption.
var fixedNonce = make([]byte, 12)

// SealCBC encrypts with AES-CBC under the static IV.
func SealCBC(key, plain []byte) ([]byte, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	padded := pkcs7(plain)
	out := make([]byte, len(padded))
	// the IV is a package-level literal
	cipher.NewCBCEncrypter(block, staticIV).CryptBlocks(out, padded) // vuln:crypto
	return out, nil
}

// SealCBCZero is the variant used for the audit log.
func SealCBCZero(key, plain []byte) ([]byte, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	iv := make([]byte, aes.BlockSize)
	padded := pkcs7(plain)
	out := make([]byte, len(padded))
	// iv is all zeros: make() and never filled
	cipher.NewCBCEncrypter(block, iv).CryptBlocks(out, padded) // vuln:crypto
	return out, nil
}

// SealCBCHMAC encrypts with a random IV and appends an HMAC-SHA256.
func SealCBCHMAC(encKey, macKey, plain []byte) ([]byte, error) {
	block, err := aes.NewCipher(encKey)
	if err != nil {
		return nil, err
	}
	iv := make([]byte, aes.BlockSize)
	if _, err := io.ReadFull(rand.Reader, iv); err != nil {
		return nil, err
	}
	padded := pkcs7(plain)
	out := make([]byte, len(padded))
	// the IV was filled from crypto/rand just above
	cipher.NewCBCEncrypter(block, iv).CryptBlocks(out, padded) // safe:crypto
	msg := append(iv, out...)
	m := hmac.New(sha256.New, macKey)
	m.Write(msg)
	return m.Sum(msg), nil
}

// SealTransit encrypts a message for the replication stream.
func SealTransit(aead cipher.AEAD, plain []byte) []byte {
	// the same all-zero nonce for every message under one key
	return aead.Seal(nil, fixedNonce, plain, nil) // vuln:crypto
}

// Seal encrypts with AES-GCM and a random nonce.
func Seal(aead cipher.AEAD, plain []byte) ([]byte, error) {
	nonce := make([]byte, aead.NonceSize())
	if _, err := io.ReadFull(rand.Reader, nonce); err != nil {
		return nil, err
	}
	// the nonce was read from crypto/rand
	return aead.Seal(nonce, nonce, plain, nil), nil // safe:crypto
}

// UnlockWithPassphrase opens the operator's offline bundle.
func UnlockWithPassphrase(passphrase string, bundle []byte) (cipher.AEAD, error) {
	// an MD5 of the passphrase becomes the AES key, instead of a KDF
	key := md5.Sum([]byte(passphrase)) // vuln:crypto
	block, err := aes.NewCipher(key[:])
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}

// QuickUnlock is the CLI's shortcut for 32-character passphrases.
func QuickUnlock(passphrase string) (cipher.Block, error) {
	if len(passphrase) != 32 {
		return nil, errors.New("passphrase must be 32 characters")
	}
	// the passphrase itself is the AES-256 key
	return aes.NewCipher([]byte(passphrase)) // vuln:crypto
}

// SignWithPassword authenticates exports with the operator's password.
func SignWithPassword(password string, data []byte) []byte {
	// the password is the HMAC key
	m := hmac.New(sha256.New, []byte(password)) // vuln:crypto
	m.Write(data)
	return m.Sum(nil)
}

// DeriveDataKey derives a per-tenant key from the random master key.
func DeriveDataKey(master, salt []byte, tenant string) ([]byte, error) {
	// HKDF from a random master key, not a password
	r := hkdf.New(sha256.New, master, salt, []byte("kv data key "+tenant)) // safe:crypto
	key := make([]byte, 32)
	_, err := io.ReadFull(r, key)
	return key, err
}

func pkcs7(b []byte) []byte {
	n := aes.BlockSize - len(b)%aes.BlockSize
	for i := 0; i < n; i++ {
		b = append(b, byte(n))
	}
	return b
}
