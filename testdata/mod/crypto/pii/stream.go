package pii

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"io"
	mrand "math/rand"
)

// EncryptAddress is the old CFB example: random IV, but nothing detects
// tampering.
func EncryptAddress(key []byte, addr string) ([]byte, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	out := make([]byte, aes.BlockSize+len(addr))
	iv := out[:aes.BlockSize]
	if _, err := io.ReadFull(rand.Reader, iv); err != nil {
		return nil, err
	}
	stream := cipher.NewCFBEncrypter(block, iv) // want `cipher.NewCFBEncrypter uses CFB mode with no MAC`
	stream.XORKeyStream(out[aes.BlockSize:], []byte(addr))
	return out, nil
}

func DecryptAddress(block cipher.Block, data []byte) string {
	iv, ct := data[:aes.BlockSize], data[aes.BlockSize:]
	out := make([]byte, len(ct))
	cipher.NewCFBDecrypter(block, iv).XORKeyStream(out, ct) // want `cipher.NewCFBDecrypter uses CFB mode with no MAC`
	return string(out)
}

// EncryptNote draws its IV from math/rand.
func EncryptNote(block cipher.Block, note []byte) []byte {
	iv := make([]byte, aes.BlockSize)
	mrand.Read(iv) // want `rand.Read from math/rand makes iv/nonce "iv" predictable; fill it with crypto/rand.Read`
	out := make([]byte, len(note))
	cipher.NewOFB(block, iv).XORKeyStream(out, note) // want `cipher.NewOFB uses OFB mode with no MAC`
	return append(iv, out...)
}
