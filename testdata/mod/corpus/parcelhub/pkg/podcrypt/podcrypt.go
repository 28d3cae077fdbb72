// Package podcrypt encrypts proof-of-delivery photos before they are stored.
package podcrypt

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"io"
)

// Encrypt writes iv || ciphertext of photo to w.
func Encrypt(key []byte, photo []byte, w io.Writer) error {
	block, err := aes.NewCipher(key)
	if err != nil {
		return err
	}
	iv := make([]byte, aes.BlockSize)
	if _, err := rand.Read(iv); err != nil {
		return err
	}
	// CFB with no MAC over the stored photo
	stream := cipher.NewCFBEncrypter(block, iv) // vuln:crypto
	out := make([]byte, len(photo))
	stream.XORKeyStream(out, photo)
	if _, err := w.Write(iv); err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}
