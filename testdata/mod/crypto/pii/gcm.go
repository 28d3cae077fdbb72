// Package pii encrypts personal data before it is stored.
package pii

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/binary"
	"errors"
	"io"

	"example.com/apivettest/crypto/consts"
	"golang.org/x/crypto/chacha20poly1305"
	"golang.org/x/crypto/nacl/secretbox"
)

// Seal is the reference: a fresh random nonce per message, stored in front
// of the ciphertext.
func Seal(key, plaintext []byte) ([]byte, error) {
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
	return gcm.Seal(nonce, nonce, plaintext, nil), nil
}

func Open(key, data []byte) ([]byte, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	gcm, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	if len(data) < gcm.NonceSize() {
		return nil, errors.New("short")
	}
	nonce, ct := data[:gcm.NonceSize()], data[gcm.NonceSize():]
	return gcm.Open(nil, nonce, ct, nil)
}

// SealZero forgot to fill the nonce.
func SealZero(gcm cipher.AEAD, plaintext []byte) []byte {
	nonce := make([]byte, gcm.NonceSize())
	return append(nonce, gcm.Seal(nil, nonce, plaintext, nil)...) // want `\(cipher.AEAD\).Seal gets nonce nonce that is all zeros \(never filled from crypto/rand\)`
}

// SealMobile uses the nonce agreed with the mobile client.
func SealMobile(gcm cipher.AEAD, plaintext []byte) []byte {
	return gcm.Seal(nil, []byte(consts.GCMNonce), plaintext, nil) // want `gets nonce consts.GCMNonce that is the constant "mobile-nonce" \(12 bytes\)`
}

// SealBoth encrypts two fields with one nonce.
func SealBoth(gcm cipher.AEAD, email, phone []byte) ([]byte, []byte, error) {
	nonce := make([]byte, gcm.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return nil, nil, err
	}
	a := gcm.Seal(nil, nonce, email, nil)
	b := gcm.Seal(nil, nonce, phone, nil) // want `reuses nonce nonce: it was already used by the call on line 68`
	return a, b, nil
}

// SealEach uses one nonce for every record.
func SealEach(gcm cipher.AEAD, records [][]byte) ([][]byte, error) {
	nonce := make([]byte, gcm.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return nil, err
	}
	var out [][]byte
	for _, r := range records {
		out = append(out, gcm.Seal(nil, nonce, r, nil)) // want `reuses nonce nonce: it is made once before the loop and never changed inside it`
	}
	return out, nil
}

// SealChunks counts the nonce up per chunk: fine.
func SealChunks(gcm cipher.AEAD, chunks [][]byte) [][]byte {
	nonce := make([]byte, gcm.NonceSize())
	var out [][]byte
	for i, c := range chunks {
		binary.BigEndian.PutUint64(nonce[4:], uint64(i))
		out = append(out, gcm.Seal(nil, nonce, c, nil))
	}
	return out
}

// SealPerRecord draws a fresh nonce inside the loop: fine.
func SealPerRecord(gcm cipher.AEAD, records [][]byte) [][]byte {
	var out [][]byte
	for _, r := range records {
		nonce := make([]byte, gcm.NonceSize())
		rand.Read(nonce)
		out = append(out, gcm.Seal(nonce, nonce, r, nil))
	}
	return out
}

// Encryptor makes its nonce once, in the constructor.
type Encryptor struct {
	aead  cipher.AEAD
	nonce []byte
}

func NewEncryptor(key []byte) (*Encryptor, error) {
	aead, err := chacha20poly1305.New(key)
	if err != nil {
		return nil, err
	}
	nonce := make([]byte, chacha20poly1305.NonceSize)
	if _, err := rand.Read(nonce); err != nil {
		return nil, err
	}
	return &Encryptor{aead: aead, nonce: nonce}, nil
}

func (e *Encryptor) Encrypt(plaintext []byte) []byte {
	return e.aead.Seal(nil, e.nonce, plaintext, nil) // want `reuses nonce e.nonce: it is made once \(line \d+\) and read by every call`
}

// Decrypting with the stored nonce is fine.
func (e *Encryptor) Decrypt(ciphertext []byte) ([]byte, error) {
	return e.aead.Open(nil, e.nonce, ciphertext, nil)
}

// Counter keeps its nonce in the struct but advances it before each Seal.
type Counter struct {
	aead  cipher.AEAD
	nonce []byte
	n     uint64
}

func (c *Counter) next() {
	c.n++
	binary.BigEndian.PutUint64(c.nonce[4:], c.n)
}

func (c *Counter) Encrypt(plaintext []byte) []byte {
	c.next()
	return c.aead.Seal(nil, c.nonce, plaintext, nil)
}

// Box uses secretbox with a zero nonce.
func Box(key *[32]byte, msg []byte) []byte {
	var nonce [24]byte
	return secretbox.Seal(nil, msg, &nonce, key) // want `secretbox.Seal gets nonce &nonce that is all zeros`
}

func GoodBox(key *[32]byte, msg []byte) []byte {
	var nonce [24]byte
	if _, err := io.ReadFull(rand.Reader, nonce[:]); err != nil {
		panic(err)
	}
	return secretbox.Seal(nonce[:], msg, &nonce, key)
}

// SealRetry encrypts one message and retries storing it: the same nonce
// over the same plaintext gives the same ciphertext.
func SealRetry(gcm cipher.AEAD, msg []byte, store func([]byte) error) error {
	nonce := make([]byte, gcm.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return err
	}
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if err = store(gcm.Seal(nonce, nonce, msg, nil)); err == nil {
			return nil
		}
	}
	return err
}
