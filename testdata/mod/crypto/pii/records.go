package pii

import (
	"crypto/aes"
	"crypto/cipher"
)

// SealRecords encrypts 16-byte records one by one with the raw block
// cipher: ECB across the table.
func SealRecords(key []byte, records [][]byte) ([][]byte, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	out := make([][]byte, len(records))
	for i, rec := range records {
		dst := make([]byte, aes.BlockSize)
		block.Encrypt(dst, rec) // want `block.Encrypt applied block by block in a loop is ECB mode`
		out[i] = dst
	}
	return out, nil
}

// KeyCheckValue encrypts one zero block to identify a key: not ECB.
func KeyCheckValue(block cipher.Block) []byte {
	kcv := make([]byte, aes.BlockSize)
	block.Encrypt(kcv, make([]byte, aes.BlockSize))
	return kcv[:3]
}

// WrapKeys encrypts each key with a fresh GCM nonce: records in a loop,
// but through an AEAD.
func WrapKeys(gcm cipher.AEAD, nonces, keys [][]byte) [][]byte {
	var out [][]byte
	for i, k := range keys {
		out = append(out, gcm.Seal(nil, nonces[i], k, nil))
	}
	return out
}
