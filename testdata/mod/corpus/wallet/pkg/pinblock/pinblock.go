// Package pinblock encrypts card PINs at rest and translates them for the
// core bank.
package pinblock

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/des"
	"crypto/rand"
	"errors"
	"fmt"
)

// Seal encrypts a PIN under the storage key with AES-GCM.
func Seal(key, pin []byte) ([]byte, error) {
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
		return nil, fmt.Errorf("pinblock: nonce: %w", err)
	}
	// a fresh random nonce per PIN
	return gcm.Seal(nonce, nonce, pin, nil), nil // safe:crypto
}

// Open decrypts a PIN sealed by Seal.
func Open(key, sealed []byte) ([]byte, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	gcm, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	if len(sealed) < gcm.NonceSize() {
		return nil, errors.New("pinblock: short ciphertext")
	}
	return gcm.Open(nil, sealed[:gcm.NonceSize()], sealed[gcm.NonceSize():], nil)
}

// ISO0 builds an ISO 9564 format 0 PIN block and encrypts it under the zone
// key the core bank shares with us.
func ISO0(zoneKey []byte, pin, pan string) ([]byte, error) {
	if len(pin) < 4 || len(pin) > 12 || len(pan) < 13 {
		return nil, errors.New("pinblock: bad pin or pan")
	}
	clear := make([]byte, 8)
	pinField := fmt.Sprintf("%02d%s", len(pin), pin)
	for len(pinField) < 16 {
		pinField += "F"
	}
	panField := "0000" + pan[len(pan)-13:len(pan)-1]
	for i := 0; i < 8; i++ {
		var a, b byte
		fmt.Sscanf(pinField[2*i:2*i+2], "%02X", &a)
		fmt.Sscanf(panField[2*i:2*i+2], "%02X", &b)
		clear[i] = a ^ b
	}
	// triple DES, as the zone key agreement still requires
	block, err := des.NewTripleDESCipher(zoneKey) // vuln:crypto
	if err != nil {
		return nil, err
	}
	out := make([]byte, 8)
	// a single block: a PIN block is not an ECB loop
	block.Encrypt(out, clear) // safe:crypto
	return out, nil
}
