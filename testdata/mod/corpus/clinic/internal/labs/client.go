package labs

import (
	"crypto"
	"crypto/cipher"
	"crypto/des"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"io"
	"net/http"
	"time"

	"example.com/apivettest/corpus/clinic/internal/config"
)

// legacySuites are the suites the old gateways negotiate.
var legacySuites = []uint16{
	tls.TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA,
	tls.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256,
}

// Client posts orders to a laboratory.
type Client struct {
	base string
	hc   *http.Client
	// hl7Key is the shared 3DES key of the HL7 envelope.
	hl7Key []byte
}

// NewClient builds a client for the laboratory gateways.
func NewClient(base string, hl7Key []byte) *Client {
	tlsCfg := &tls.Config{
		// TLS 1.1, from the config package
		MinVersion: config.LabMinTLS, // vuln:transport
		// 3DES and CBC-SHA256 suites, through a package variable
		CipherSuites: legacySuites, // vuln:transport
	}
	return &Client{base: base, hl7Key: hl7Key, hc: &http.Client{Timeout: 20 * time.Second, Transport: &http.Transport{TLSClientConfig: tlsCfg}}}
}

// Seal wraps an HL7 message in the laboratory's 3DES envelope.
func (c *Client) Seal(msg []byte) ([]byte, error) {
	// triple DES
	block, err := des.NewTripleDESCipher(c.hl7Key) // vuln:crypto
	if err != nil {
		return nil, err
	}
	iv := make([]byte, block.BlockSize())
	if _, err := io.ReadFull(rand.Reader, iv); err != nil {
		return nil, err
	}
	padded := pad(msg, block.BlockSize())
	out := make([]byte, len(padded))
	cipher.NewCBCEncrypter(block, iv).CryptBlocks(out, padded)
	return append(iv, out...), nil
}

func pad(b []byte, n int) []byte {
	p := n - len(b)%n
	for i := 0; i < p; i++ {
		b = append(b, byte(p))
	}
	return b
}

// SignAck signs an acknowledgement with the clinic's laboratory key.
func SignAck(ack []byte) ([]byte, error) {
	blk, _ := pem.Decode(signingKeyPEM)
	if blk == nil {
		return nil, errors.New("no PEM block")
	}
	key, err := x509.ParsePKCS1PrivateKey(blk.Bytes)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(ack)
	return rsa.SignPKCS1v15(rand.Reader, key, crypto.SHA256, sum[:])
}

// RotateSessionKey makes the key pair of a new laboratory session.
func RotateSessionKey() (*rsa.PrivateKey, error) {
	// 1024-bit RSA
	return rsa.GenerateKey(rand.Reader, 1024) // vuln:crypto
}

// NewSigningKey makes the clinic's long-term key.
func NewSigningKey() (*rsa.PrivateKey, error) {
	// 3072-bit RSA
	return rsa.GenerateKey(rand.Reader, 3072) // safe:crypto
}
