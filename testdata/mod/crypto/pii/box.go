package pii

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"io"
)

// ctrEncrypt only encrypts; SealRecord, its caller, appends a MAC made by
// another helper: encrypt-then-MAC split over functions is fine.
func ctrEncrypt(key, pt []byte) ([]byte, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	out := make([]byte, aes.BlockSize+len(pt))
	if _, err := io.ReadFull(rand.Reader, out[:aes.BlockSize]); err != nil {
		return nil, err
	}
	cipher.NewCTR(block, out[:aes.BlockSize]).XORKeyStream(out[aes.BlockSize:], pt)
	return out, nil
}

func SealRecord(encKey, macKey, pt []byte) ([]byte, error) {
	ct, err := ctrEncrypt(encKey, pt)
	if err != nil {
		return nil, err
	}
	return append(ct, tag(macKey, ct)...), nil
}

func tag(key, data []byte) []byte {
	m := hmac.New(sha256.New, key)
	m.Write(data)
	return m.Sum(nil)
}
