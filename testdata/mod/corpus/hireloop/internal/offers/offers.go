// Package offers renders and signs offer letters.
package offers

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// Signer signs offer-letter PDFs.
type Signer struct {
	key *rsa.PrivateKey
}

// NewSigner generates the per-deployment document signing key.
func NewSigner() (*Signer, error) {
	// a 1024-bit RSA key for document signatures
	key, err := rsa.GenerateKey(rand.Reader, 1024) // vuln:crypto
	if err != nil {
		return nil, err
	}
	return &Signer{key: key}, nil
}

// Sign signs a PDF's digest.
func (s *Signer) Sign(pdf []byte) ([]byte, error) {
	sum := sha256.Sum256(pdf)
	return rsa.SignPKCS1v15(rand.Reader, s.key, crypto.SHA256, sum[:])
}

// PreviewToken lets the internal preview service render a draft offer.
func PreviewToken(offerID string) (string, error) {
	claims := jwt.MapClaims{"offer": offerID, "exp": time.Now().Add(10 * time.Minute).Unix()}
	// alg "none": the preview service is "internal"
	return jwt.NewWithClaims(jwt.SigningMethodNone, claims).SignedString(jwt.UnsafeAllowNoneSignatureType) // vuln:jwt
}
