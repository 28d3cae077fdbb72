package pii

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
)

// EncryptThenMAC uses CTR with an HMAC over IV and ciphertext: fine.
func EncryptThenMAC(encKey, macKey, pt []byte) ([]byte, error) {
	block, err := aes.NewCipher(encKey)
	if err != nil {
		return nil, err
	}
	out := make([]byte, aes.BlockSize+len(pt))
	if _, err := rand.Read(out[:aes.BlockSize]); err != nil {
		return nil, err
	}
	cipher.NewCTR(block, out[:aes.BlockSize]).XORKeyStream(out[aes.BlockSize:], pt)
	m := hmac.New(sha256.New, macKey)
	m.Write(out)
	return m.Sum(out), nil
}
