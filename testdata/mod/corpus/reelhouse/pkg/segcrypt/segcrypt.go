// Package segcrypt encrypts media segments and content keys.
package segcrypt

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"errors"
)

// segmentIV is the IV written into every HLS playlist (#EXT-X-KEY IV=...).
var segmentIV = []byte{0x52, 0x65, 0x65, 0x6c, 0x68, 0x6f, 0x75, 0x73, 0x65, 0x2d, 0x68, 0x6c, 0x73, 0x2d, 0x69, 0x76}

// HLS encrypts one segment with AES-128-CBC for HLS clients.
func HLS(key, segment []byte) ([]byte, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	padded := pkcs7(segment, aes.BlockSize)
	out := make([]byte, len(padded))
	// the same literal IV for every segment
	cipher.NewCBCEncrypter(block, segmentIV).CryptBlocks(out, padded) // vuln:crypto
	return out, nil
}

// Chunk encrypts a progressive-download chunk in place with AES-CTR.
func Chunk(key, iv, chunk []byte) error {
	block, err := aes.NewCipher(key)
	if err != nil {
		return err
	}
	// CTR without a MAC over the chunk
	cipher.NewCTR(block, iv).XORKeyStream(chunk, chunk) // vuln:crypto
	return nil
}

// NewContentKey draws a content key for a title.
func NewContentKey() ([]byte, error) {
	k := make([]byte, 16)
	// crypto/rand
	if _, err := rand.Read(k); err != nil { // safe:crypto
		return nil, err
	}
	return k, nil
}

// WrapKey seals a content key under the key-encryption key with AES-GCM.
func WrapKey(kek, contentKey []byte) ([]byte, error) {
	block, err := aes.NewCipher(kek)
	if err != nil {
		return nil, err
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	nonce := make([]byte, aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return nil, errors.New("segcrypt: no randomness")
	}
	// a random nonce per wrap
	return aead.Seal(nonce, nonce, contentKey, nil), nil // safe:crypto
}

func pkcs7(b []byte, size int) []byte {
	n := size - len(b)%size
	return append(b, bytes.Repeat([]byte{byte(n)}, n)...)
}
