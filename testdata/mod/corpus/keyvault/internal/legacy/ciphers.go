// Package legacy decrypts blobs written by the vault's previous versions.
package legacy

import (
	"crypto/aes"
	"crypto/des"
	"crypto/rc4"
	"errors"

	"golang.org/x/crypto/blowfish"
)

// DecryptV1 decrypts version-1 blobs, which used single DES.
func DecryptV1(key, blob []byte) ([]byte, error) {
	// DES
	block, err := des.NewCipher(key) // vuln:crypto
	if err != nil {
		return nil, err
	}
	if len(blob)%block.BlockSize() != 0 {
		return nil, errors.New("bad length")
	}
	out := make([]byte, len(blob))
	bs := block.BlockSize()
	for i := 0; i < len(blob); i += bs {
		// block by block with no chaining: ECB
		block.Decrypt(out[i:i+bs], blob[i:i+bs]) // vuln:crypto
	}
	return out, nil
}

// StreamV2 returns the RC4 keystream used by version-2 tokens.
func StreamV2(key []byte) (*rc4.Cipher, error) {
	// RC4
	return rc4.NewCipher(key) // vuln:crypto
}

// DecryptV3 decrypts version-3 blobs, which used Blowfish in ECB mode.
func DecryptV3(key, blob []byte) ([]byte, error) {
	// Blowfish
	c, err := blowfish.NewCipher(key) // vuln:crypto
	if err != nil {
		return nil, err
	}
	out := make([]byte, len(blob))
	for i := 0; i+blowfish.BlockSize <= len(blob); i += blowfish.BlockSize {
		// block by block in a loop: ECB
		c.Decrypt(out[i:], blob[i:]) // vuln:crypto
	}
	return out, nil
}

// EncryptRecordsECB is still used to write the v3 index file.
func EncryptRecordsECB(key []byte, records [][]byte) ([][]byte, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	out := make([][]byte, len(records))
	for i, rec := range records {
		dst := make([]byte, aes.BlockSize)
		// each 16-byte record is encrypted on its own with the same key: ECB
		block.Encrypt(dst, rec) // vuln:crypto
		out[i] = dst
	}
	return out, nil
}

// KeyCheckValue is the conventional KCV: the first bytes of one encrypted zero block.
func KeyCheckValue(key []byte) ([]byte, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	out := make([]byte, aes.BlockSize)
	// a single block, to fingerprint the key, not to protect data
	block.Encrypt(out, make([]byte, aes.BlockSize)) // safe:crypto
	return out[:3], nil
}
