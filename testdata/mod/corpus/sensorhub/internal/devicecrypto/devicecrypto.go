// Package devicecrypto holds the cryptography shared with the device
// firmware: payload decryption, firmware packaging, provisioning codes and
// device certificates.
package devicecrypto

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	mrand "math/rand"

	"golang.org/x/crypto/argon2"
)

// firmwareIV is baked into every bootloader shipped since 2021.
var firmwareIV = []byte("sensorhub-fw-iv!")

// OpenPayload decrypts a reading batch from the older firmware, which
// sends AES-CTR ciphertext with no MAC over it.
func OpenPayload(key, iv, ciphertext []byte) ([]byte, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	out := make([]byte, len(ciphertext))
	// CTR with nothing authenticating the ciphertext: bits can be flipped in transit
	cipher.NewCTR(block, iv).XORKeyStream(out, ciphertext) // vuln:crypto
	return out, nil
}

// SealPayload is what current firmware expects: AES-GCM with a fresh nonce.
func SealPayload(key, plaintext, deviceID []byte) ([]byte, error) {
	block, err := aes.NewCipher(key)
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
	// a random nonce per message, from crypto/rand
	return gcm.Seal(nonce, nonce, plaintext, deviceID), nil // safe:crypto
}

// PackFirmware encrypts a firmware image for the bootloader.
func PackFirmware(key, image []byte) ([]byte, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	if len(image)%aes.BlockSize != 0 {
		return nil, errors.New("devicecrypto: image not padded")
	}
	out := make([]byte, len(image))
	// the same IV for every image and every key rotation
	cipher.NewCBCEncrypter(block, firmwareIV).CryptBlocks(out, image) // vuln:crypto
	return out, nil
}

// SignBatch authenticates an upload with the device's provisioning
// passphrase, which goes into HMAC as the key unchanged.
func SignBatch(passphrase string, batch []byte) []byte {
	// the human-chosen passphrase is the HMAC key, with no KDF
	mac := hmac.New(sha256.New, []byte(passphrase)) // vuln:crypto
	mac.Write(batch)
	return mac.Sum(nil)
}

// DeriveStorageKey turns the passphrase into the key that encrypts the
// device's cached readings, the way the newer firmware does.
func DeriveStorageKey(passphrase string, salt []byte) []byte {
	// Argon2id, 64 MiB, three passes
	return argon2.IDKey([]byte(passphrase), salt, 3, 64*1024, 2, 32) // safe:crypto
}

// ProvisioningCode is the six-digit code an installer types on the device
// to claim it for a fleet.
func ProvisioningCode() string {
	// math/rand for a claim code
	return fmt.Sprintf("%06d", mrand.Intn(1_000_000)) // vuln:crypto
}

// Sampled decides whether a reading's trace is kept.
func Sampled(rate float64) bool {
	// sampling, not a secret
	return mrand.Float64() < rate // safe:crypto
}

// LegacyDeviceKey makes the key pair older gateways can handle.
func LegacyDeviceKey() (*rsa.PrivateKey, error) {
	// 1024-bit RSA for device certificates
	return rsa.GenerateKey(rand.Reader, 1024) // vuln:crypto
}

// DeviceKey makes the key pair for current gateways.
func DeviceKey() (*rsa.PrivateKey, error) {
	// 3072 bits
	return rsa.GenerateKey(rand.Reader, 3072) // safe:crypto
}
