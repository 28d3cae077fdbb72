// Package records encrypts patient records and exports.
package records

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"errors"
	"io"

	"golang.org/x/crypto/argon2"
	"golang.org/x/crypto/pbkdf2"
	"golang.org/x/crypto/scrypt"
)

// Sealer encrypts records at rest with AES-GCM.
type Sealer struct {
	aead cipher.AEAD
}

// NewSealer builds a sealer from a 32-byte key.
func NewSealer(key []byte) (*Sealer, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	return &Sealer{aead: aead}, nil
}

// Seal encrypts one record with a fresh random nonce.
func (s *Sealer) Seal(plain, recordID []byte) ([]byte, error) {
	nonce := make([]byte, s.aead.NonceSize())
	if _, err := io.ReadFull(rand.Reader, nonce); err != nil {
		return nil, err
	}
	// the nonce was just read from crypto/rand
	return s.aead.Seal(nonce, nonce, plain, recordID), nil // safe:crypto
}

// ExportKey derives the key of a patient's export archive from the passphrase they chose.
func ExportKey(passphrase string, salt []byte) []byte {
	// a thousand PBKDF2 iterations, far below current guidance
	return pbkdf2.Key([]byte(passphrase), salt, 1000, 32, sha256.New) // vuln:crypto
}

// ShareKey derives the key of a link shared with another clinic.
func ShareKey(passphrase string, salt []byte) []byte {
	// argon2id with 64 MiB of memory
	return argon2.IDKey([]byte(passphrase), salt, 2, 64*1024, 4, 32) // safe:crypto
}

// BackupKey derives the key of the nightly backup from the operator passphrase.
func BackupKey(passphrase string, salt []byte) ([]byte, error) {
	// scrypt with N=32768, r=8, p=1
	return scrypt.Key([]byte(passphrase), salt, 1<<15, 8, 1, 32) // safe:crypto
}

// EncryptExport encrypts an export archive with AES-CFB.
func EncryptExport(key, archive []byte) ([]byte, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	out := make([]byte, aes.BlockSize+len(archive))
	iv := out[:aes.BlockSize]
	if _, err := io.ReadFull(rand.Reader, iv); err != nil {
		return nil, err
	}
	// CFB with no MAC: the archive can be altered without detection
	cipher.NewCFBEncrypter(block, iv).XORKeyStream(out[aes.BlockSize:], archive) // vuln:crypto
	return out, nil
}

// EncryptAttachment uses AES-CTR followed by an HMAC over IV and ciphertext.
func EncryptAttachment(encKey, macKey, data []byte) ([]byte, error) {
	block, err := aes.NewCipher(encKey)
	if err != nil {
		return nil, err
	}
	out := make([]byte, aes.BlockSize+len(data))
	iv := out[:aes.BlockSize]
	if _, err := io.ReadFull(rand.Reader, iv); err != nil {
		return nil, err
	}
	// encrypt-then-MAC below
	cipher.NewCTR(block, iv).XORKeyStream(out[aes.BlockSize:], data) // safe:crypto
	mac := hmac.New(sha256.New, macKey)
	mac.Write(out)
	return mac.Sum(out), nil
}

// DecryptAttachment checks the MAC before decrypting.
func DecryptAttachment(encKey, macKey, blob []byte) ([]byte, error) {
	if len(blob) < aes.BlockSize+sha256.Size {
		return nil, errors.New("short blob")
	}
	body, tag := blob[:len(blob)-sha256.Size], blob[len(blob)-sha256.Size:]
	mac := hmac.New(sha256.New, macKey)
	mac.Write(body)
	if !hmac.Equal(tag, mac.Sum(nil)) {
		return nil, errors.New("bad MAC")
	}
	block, err := aes.NewCipher(encKey)
	if err != nil {
		return nil, err
	}
	out := make([]byte, len(body)-aes.BlockSize)
	// the MAC was checked above
	cipher.NewCTR(block, body[:aes.BlockSize]).XORKeyStream(out, body[aes.BlockSize:]) // safe:crypto
	return out, nil
}
