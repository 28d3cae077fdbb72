// Package legacy talks to the old partner systems.
package legacy

import (
	"bytes"
	"crypto/cipher"
	"crypto/des"
	"crypto/rc4"
	"io"

	"golang.org/x/crypto/blowfish"
	"golang.org/x/crypto/cast5"
	"golang.org/x/crypto/md4"           // want `golang.org/x/crypto/md4 is deprecated and unmaintained; use crypto/sha256`
	"golang.org/x/crypto/openpgp"       // want `golang.org/x/crypto/openpgp is deprecated and unmaintained; use github.com/ProtonMail/go-crypto/openpgp`
	"golang.org/x/crypto/openpgp/armor" // want `golang.org/x/crypto/openpgp/armor is deprecated`
	"golang.org/x/crypto/ripemd160"     // want `golang.org/x/crypto/ripemd160 is deprecated`
	"golang.org/x/crypto/tea"
	"golang.org/x/crypto/xtea"
)

func DESBlock(key []byte) (cipher.Block, error) {
	return des.NewCipher(key) // want `des.NewCipher uses DES, and its 56-bit key is brute-forced in hours; use AES-GCM`
}

func TripleDES(key []byte) (cipher.Block, error) {
	block, err := des.NewTripleDESCipher(key) // want `des.NewTripleDESCipher uses 3DES`
	return block, err
}

func RC4(key, data []byte) ([]byte, error) {
	c, err := rc4.NewCipher(key) // want `rc4.NewCipher uses RC4`
	if err != nil {
		return nil, err
	}
	out := make([]byte, len(data))
	c.XORKeyStream(out, data)
	return out, nil
}

func Others(key []byte) {
	blowfish.NewCipher(key) // want `blowfish.NewCipher uses Blowfish`
	cast5.NewCipher(key)    // want `cast5.NewCipher uses CAST5`
	tea.NewCipher(key)      // want `tea.NewCipher uses TEA`
	xtea.NewCipher(key)     // want `xtea.NewCipher uses XTEA`
}

func NTLMHash(password string) []byte {
	h := md4.New()
	h.Write([]byte(password))
	return h.Sum(nil)
}

func Fingerprint(data []byte) []byte {
	h := ripemd160.New()
	h.Write(data)
	return h.Sum(nil)
}

func Decrypt(keyring io.Reader, msg []byte) error {
	ring, err := openpgp.ReadArmoredKeyRing(keyring)
	if err != nil {
		return err
	}
	block, err := armor.Decode(bytes.NewReader(msg))
	if err != nil {
		return err
	}
	_, err = openpgp.ReadMessage(block.Body, ring, nil, nil)
	return err
}
