package pii

import (
	"crypto"
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"os"

	"example.com/apivettest/crypto/consts"
	"golang.org/x/crypto/scrypt"
)

type Config struct {
	Passphrase    string
	EncryptionKey string
}

// keyFromPassphrase is what createCipher did: one hash of the passphrase.
func keyFromPassphrase(passphrase string) []byte {
	sum := sha256.Sum256([]byte(passphrase)) // want `sha256.Sum256 of password passphrase is used as a key: a fast hash is not a password KDF`
	return sum[:]
}

func NewVault(cfg Config) (cipher.AEAD, error) {
	block, err := aes.NewCipher(keyFromPassphrase(cfg.Passphrase))
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}

// A generic helper: the caller passes a password to it.
func deriveKey(secret string) [32]byte {
	return sha256.Sum256([]byte(secret)) // want `sha256.Sum256 of password os.Getenv\("BACKUP_PASSWORD"\) is used as a key`
}

func BackupCipher() (cipher.Block, error) {
	k := deriveKey(os.Getenv("BACKUP_PASSWORD"))
	return aes.NewCipher(k[:])
}

// The password itself as the key.
func DirectKey(cfg Config) (cipher.Block, error) {
	return aes.NewCipher([]byte(cfg.Passphrase)) // want `password cfg.Passphrase is used directly as the key of aes.NewCipher`
}

// Padding the password to 32 bytes does not make it a key.
func PaddedKey(password string) (cipher.Block, error) {
	key := make([]byte, 32)
	copy(key, password)
	return aes.NewCipher(key) // want `password password is used directly as the key of aes.NewCipher`
}

func SignWithPassword(password string, msg []byte) []byte {
	m := hmac.New(sha256.New, []byte(password)) // want `password password is used directly as the HMAC key of hmac.New`
	m.Write(msg)
	return m.Sum(nil)
}

// scrypt is the fix.
func ScryptKey(passphrase string, salt []byte) (cipher.Block, error) {
	key, err := scrypt.Key([]byte(passphrase), salt, 1<<15, 8, 1, 32)
	if err != nil {
		return nil, err
	}
	return aes.NewCipher(key)
}

// A high-entropy key from the environment, hashed to the right length, is
// not a password.
func EnvKey(cfg Config) (cipher.Block, error) {
	k := sha256.Sum256([]byte(cfg.EncryptionKey))
	return aes.NewCipher(k[:])
}

// RSA keys.
func NewSigningKey() (*rsa.PrivateKey, error) {
	return rsa.GenerateKey(rand.Reader, 1024) // want `rsa.GenerateKey with 1024 bits is below 2048`
}

func NewCAKey() (*rsa.PrivateKey, error) {
	return rsa.GenerateKey(rand.Reader, consts.RSABits) // want `rsa.GenerateKey with 1024 bits is below 2048`
}

func NewServerKey() (*rsa.PrivateKey, error) {
	return rsa.GenerateKey(rand.Reader, 2048)
}

func NewRootKey() (*rsa.PrivateKey, error) {
	bits := 4096
	return rsa.GenerateKey(rand.Reader, bits)
}

// Signatures.
func SignInvoice(priv *rsa.PrivateKey, invoice []byte) ([]byte, error) {
	digest := sha1.Sum(invoice)
	return rsa.SignPKCS1v15(rand.Reader, priv, crypto.SHA1, digest[:]) // want `rsa.SignPKCS1v15 signs with crypto.SHA1`
}

func SignInvoiceSHA256(priv *rsa.PrivateKey, invoice []byte) ([]byte, error) {
	digest := sha256.Sum256(invoice)
	return rsa.SignPKCS1v15(rand.Reader, priv, crypto.SHA256, digest[:])
}

// Verifying a partner's SHA-1 signature is not our choice.
func VerifyPartner(pub *rsa.PublicKey, msg, sig []byte) error {
	digest := sha1.Sum(msg)
	return rsa.VerifyPKCS1v15(pub, crypto.SHA1, digest[:], sig)
}
