// Package vault encrypts exports and keeps the ciphers the 2015 desktop
// client still needs.
package vault

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/des"
	"crypto/rand"
	"crypto/rc4"
	"crypto/rsa"
	"crypto/sha256"
	"errors"
	"io"

	"golang.org/x/crypto/argon2"
	"golang.org/x/crypto/blowfish"
	"golang.org/x/crypto/chacha20poly1305"
	"golang.org/x/crypto/hkdf"
	// MD4, deprecated and broken, for the NTLM bridge
	"golang.org/x/crypto/md4" // vuln:crypto
	"golang.org/x/crypto/scrypt"
)

// DesktopSession decrypts the desktop client's session blob.
func DesktopSession(key, iv, blob []byte) ([]byte, error) {
	// single DES
	block, err := des.NewCipher(key) // vuln:crypto
	if err != nil {
		return nil, err
	}
	out := make([]byte, len(blob))
	cipher.NewCBCDecrypter(block, iv).CryptBlocks(out, blob)
	return out, nil
}

// BankFile encrypts the nightly file for the bank's SFTP drop.
func BankFile(key, data []byte) ([]byte, error) {
	// triple DES, what the bank's spec asks for
	block, err := des.NewTripleDESCipher(key) // vuln:crypto
	if err != nil {
		return nil, err
	}
	if len(data)%block.BlockSize() != 0 {
		return nil, errors.New("vault: unpadded")
	}
	out := make([]byte, len(data))
	for i := 0; i < len(data); i += block.BlockSize() {
		// each block encrypted on its own: ECB
		block.Encrypt(out[i:i+block.BlockSize()], data[i:i+block.BlockSize()]) // vuln:crypto
	}
	return out, nil
}

// KeyCheckValue is the first three bytes of a zero block encrypted under
// the key: how operators confirm they typed a key component correctly.
func KeyCheckValue(key []byte) ([]byte, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	out := make([]byte, aes.BlockSize)
	// one block, no loop: a KCV, not ECB encryption of data
	block.Encrypt(out, make([]byte, aes.BlockSize)) // safe:crypto
	return out[:3], nil
}

// Obfuscate scrambles the desktop client's local cache.
func Obfuscate(key, data []byte) ([]byte, error) {
	// RC4
	c, err := rc4.NewCipher(key) // vuln:crypto
	if err != nil {
		return nil, err
	}
	out := make([]byte, len(data))
	c.XORKeyStream(out, data)
	return out, nil
}

// LegacyAttachment decrypts attachments from the 2015 client.
func LegacyAttachment(key, data []byte) ([]byte, error) {
	// Blowfish
	block, err := blowfish.NewCipher(key) // vuln:crypto
	if err != nil {
		return nil, err
	}
	out := make([]byte, len(data))
	copy(out, data)
	block.Decrypt(out[:8], data[:8])
	return out, nil
}

// NTLMHash is what the NTLM bridge compares against.
func NTLMHash(utf16le []byte) []byte {
	h := md4.New()
	h.Write(utf16le)
	return h.Sum(nil)
}

// Export encrypts a user's data export with the operator's export password.
func Export(password string, data []byte) ([]byte, error) {
	// the password bytes are the AES key, with no KDF
	block, err := aes.NewCipher([]byte(password)) // vuln:crypto
	if err != nil {
		return nil, err
	}
	gcm, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	nonce := make([]byte, gcm.NonceSize())
	if _, err := io.ReadFull(rand.Reader, nonce); err != nil {
		return nil, err
	}
	// a fresh random nonce per export
	return gcm.Seal(nonce, nonce, data, nil), nil // safe:crypto
}

// Stream encrypts the live audit stream.
func Stream(key, data []byte) ([]byte, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	gcm, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	// allocated, never filled from crypto/rand: an all-zero nonce every time
	nonce := make([]byte, gcm.NonceSize())
	// the zero nonce is used for every message under one key
	return gcm.Seal(nil, nonce, data, nil), nil // vuln:crypto
}

// Archive encrypts cold-storage archives. CFB was chosen for streaming.
func Archive(key, iv []byte, w io.Writer) (io.Writer, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	// CFB with no MAC over the archive
	stream := cipher.NewCFBEncrypter(block, iv) // vuln:crypto
	return &cipher.StreamWriter{S: stream, W: w}, nil
}

// Seal encrypts a small record with XChaCha20-Poly1305.
func Seal(key, record []byte) ([]byte, error) {
	aead, err := chacha20poly1305.NewX(key)
	if err != nil {
		return nil, err
	}
	nonce := make([]byte, aead.NonceSize(), aead.NonceSize()+len(record)+aead.Overhead())
	if _, err := rand.Read(nonce); err != nil {
		return nil, err
	}
	// random 24-byte nonce
	return aead.Seal(nonce, nonce, record, nil), nil // safe:crypto
}

// SubKey derives a per-tenant key from the master key.
func SubKey(master []byte, tenant string) ([]byte, error) {
	k := make([]byte, 32)
	// HKDF over a random master key
	_, err := io.ReadFull(hkdf.New(sha256.New, master, nil, []byte("rpcd tenant "+tenant)), k) // safe:crypto
	return k, err
}

// PasswordKey derives the key that wraps a user's vault.
func PasswordKey(password string, salt []byte) ([]byte, error) {
	// scrypt N=2^15, r=8, p=1
	return scrypt.Key([]byte(password), salt, 1<<15, 8, 1, 32) // safe:crypto
}

// PINKey derives a key from a 6-digit PIN on low-memory devices.
func PINKey(pin string, salt []byte) []byte {
	// Argon2id with 8 KiB of memory and one pass
	return argon2.IDKey([]byte(pin), salt, 1, 8, 1, 32) // vuln:crypto
}

// SigningKey makes the key pair that signs export manifests.
func SigningKey() (*rsa.PrivateKey, error) {
	// 2048 bits: the minimum, not below it
	return rsa.GenerateKey(rand.Reader, 2048) // safe:crypto
}
