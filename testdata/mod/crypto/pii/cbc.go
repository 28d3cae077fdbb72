package pii

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"io"

	"example.com/apivettest/crypto/consts"
)

var fixedIV = []byte{0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x10}

func pad(b []byte) []byte {
	n := aes.BlockSize - len(b)%aes.BlockSize
	return append(b, bytes.Repeat([]byte{byte(n)}, n)...)
}

// EncryptSSN uses a package-level IV.
func EncryptSSN(key []byte, ssn string) ([]byte, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	pt := pad([]byte(ssn))
	out := make([]byte, len(pt))
	cipher.NewCBCEncrypter(block, fixedIV).CryptBlocks(out, pt) // want `cipher.NewCBCEncrypter gets iv fixedIV that is a fixed byte literal: equal plaintexts encrypt to equal ciphertexts`
	return out, nil
}

// EncryptLegacy keeps the first version's IV, a constant of another package.
func EncryptLegacy(block cipher.Block, pt []byte) []byte {
	iv := []byte(consts.LegacyIV)
	out := make([]byte, len(pt))
	mode := cipher.NewCBCEncrypter(block, iv) // want `gets iv iv that is the constant "01234567"… \(16 bytes\)`
	mode.CryptBlocks(out, pt)
	return out
}

func DecryptLegacy(block cipher.Block, ct []byte) []byte {
	out := make([]byte, len(ct))
	cipher.NewCBCDecrypter(block, []byte(consts.LegacyIV)).CryptBlocks(out, ct) // want `cipher.NewCBCDecrypter gets iv`
	return out
}

// EncryptZeroIV uses a zero IV.
func EncryptZeroIV(block cipher.Block, pt []byte) []byte {
	iv := make([]byte, aes.BlockSize)
	out := make([]byte, len(pt))
	cipher.NewCBCEncrypter(block, iv).CryptBlocks(out, pt) // want `gets iv iv that is all zeros`
	return out
}

// EncryptKeyIV reuses the key as IV.
func EncryptKeyIV(key, pt []byte) ([]byte, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	out := make([]byte, len(pt))
	cipher.NewCBCEncrypter(block, key[:aes.BlockSize]).CryptBlocks(out, pt) // want `gets iv key\[...\] taken from the key key`
	return out, nil
}

// EncryptRandomIV is the safe look-alike: the IV is the first block of the
// output, filled from crypto/rand.
func EncryptRandomIV(key, pt []byte) ([]byte, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	pt = pad(pt)
	out := make([]byte, aes.BlockSize+len(pt))
	iv := out[:aes.BlockSize]
	if _, err := io.ReadFull(rand.Reader, iv); err != nil {
		return nil, err
	}
	cipher.NewCBCEncrypter(block, iv).CryptBlocks(out[aes.BlockSize:], pt)
	return out, nil
}

func DecryptRandomIV(block cipher.Block, data []byte) []byte {
	iv, ct := data[:aes.BlockSize], data[aes.BlockSize:]
	out := make([]byte, len(ct))
	cipher.NewCBCDecrypter(block, iv).CryptBlocks(out, ct)
	return out
}

// A zero IV that is filled before use is fine.
func EncryptFilledIV(block cipher.Block, pt []byte) ([]byte, []byte) {
	var iv [aes.BlockSize]byte
	rand.Read(iv[:])
	out := make([]byte, len(pt))
	cipher.NewCBCEncrypter(block, iv[:]).CryptBlocks(out, pt)
	return iv[:], out
}

// EncryptECB is ECB: each block on its own.
func EncryptECB(key, pt []byte) ([]byte, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	bs := block.BlockSize()
	pt = pad(pt)
	out := make([]byte, len(pt))
	for start := 0; start < len(pt); start += bs {
		block.Encrypt(out[start:start+bs], pt[start:start+bs]) // want `block.Encrypt applied block by block in a loop is ECB mode`
	}
	return out, nil
}

// ecbDecrypter is the usual hand-written ECB BlockMode.
type ecbDecrypter struct{ b cipher.Block }

func (x *ecbDecrypter) BlockSize() int { return x.b.BlockSize() }

func (x *ecbDecrypter) CryptBlocks(dst, src []byte) {
	for len(src) > 0 {
		x.b.Decrypt(dst, src[:x.b.BlockSize()]) // want `x.b.Decrypt applied block by block in a loop is ECB mode`
		src = src[x.b.BlockSize():]
		dst = dst[x.b.BlockSize():]
	}
}

// cbcByHand chains the blocks with XOR: not ECB.
func cbcByHand(block cipher.Block, iv, pt []byte) []byte {
	bs := block.BlockSize()
	out := make([]byte, len(pt))
	prev := iv
	for i := 0; i < len(pt); i += bs {
		buf := make([]byte, bs)
		for j := range buf {
			buf[j] = pt[i+j] ^ prev[j]
		}
		block.Encrypt(out[i:i+bs], buf)
		prev = out[i : i+bs]
	}
	return out
}

// A single block (an ID) encrypted on its own is a PRP, not ECB over data.
func ObfuscateID(block cipher.Block, id [16]byte) [16]byte {
	var out [16]byte
	block.Encrypt(out[:], id[:])
	return out
}

// Encrypting each ID of a list as its own block is not ECB over one buffer.
func ObfuscateIDs(block cipher.Block, ids [][16]byte) [][16]byte {
	out := make([][16]byte, len(ids))
	for i, id := range ids {
		block.Encrypt(out[i][:], id[:])
	}
	return out
}

// defaultIV is a helper that returns a constant.
func defaultIV() []byte { return []byte("fedcba9876543210") }

func EncryptDefault(block cipher.Block, pt []byte) []byte {
	out := make([]byte, len(pt))
	cipher.NewCBCEncrypter(block, defaultIV()).CryptBlocks(out, pt) // want `gets iv defaultIV\(\) that is the constant "fedcba98"… \(16 bytes\)`
	return out
}

// FieldCipher draws its IV once, when it is built.
type FieldCipher struct {
	block cipher.Block
	iv    []byte
}

func NewFieldCipher(key []byte) (*FieldCipher, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	iv := make([]byte, aes.BlockSize)
	if _, err := rand.Read(iv); err != nil {
		return nil, err
	}
	return &FieldCipher{block: block, iv: iv}, nil
}

func (f *FieldCipher) Encrypt(pt []byte) []byte {
	out := make([]byte, len(pt))
	cipher.NewCBCEncrypter(f.block, f.iv).CryptBlocks(out, pt) // want `reuses iv f.iv: it is made once \(line \d+\) and read by every call`
	return out
}

// Record carries its own IV; each record is encrypted once.
type Record struct {
	IV   []byte
	Data []byte
}

func (r *Record) Seal(block cipher.Block, pt []byte) {
	r.Data = make([]byte, len(pt))
	cipher.NewCBCEncrypter(block, r.IV).CryptBlocks(r.Data, pt)
}
