// Package keys holds key material that ended up in the source tree.
package keys

import (
	"crypto/ecdsa"
	"crypto/x509"
	"encoding/pem"
	"errors"
)

// MapsBrowserKey is the Google Maps key used by the store locator, in
// Google's API key format, unrestricted:
const MapsBrowserKey = "AIzaSyD4q7XbN2kV9mR1tW6yH3pL8sC0fJ5gZ2E" // vuln:secrets

// sellerTokenKeyPEM signs seller tokens; it was pasted here for the demo and
// never moved out. A PEM private key in the source:
const sellerTokenKeyPEM = "-----BEGIN EC PRIVATE KEY-----\n" + // vuln:secrets
	"MHcCAQEEIN3kq0Pz8Vw2bH5rY7tLx1mQ9cJ4sF6gD2aK8eR0uT3poAoGCCqGSM49\n" +
	"AwEHoUQDQgAEr8mZ2v3Xq7KJ1n5bT9wY4cH6sL0dF2gP8aQ3eR7uV1xM5kN9jB4z\n" +
	"C2yW6tS0pL8oH3vG5fD1rE9aQ7uX2mK4nY==\n" +
	"-----END EC PRIVATE KEY-----\n"

// payoutWebhookPublicKeyPEM verifies the payout provider's webhooks. A
// public key is not a secret:
const payoutWebhookPublicKeyPEM = "-----BEGIN PUBLIC KEY-----\n" + // safe:secrets
	"MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEr8mZ2v3Xq7KJ1n5bT9wY4cH6sL0d\n" +
	"F2gP8aQ3eR7uV1xM5kN9jB4zC2yW6tS0pL8oH3vG5fD1rE9aQ7uX2mK4nY==\n" +
	"-----END PUBLIC KEY-----\n"

// SellerSigningKey parses the embedded key.
func SellerSigningKey() (*ecdsa.PrivateKey, error) {
	b, _ := pem.Decode([]byte(sellerTokenKeyPEM))
	if b == nil {
		return nil, errors.New("keys: bad PEM")
	}
	return x509.ParseECPrivateKey(b.Bytes)
}

// PayoutWebhookKey parses the provider's public key.
func PayoutWebhookKey() (any, error) {
	b, _ := pem.Decode([]byte(payoutWebhookPublicKeyPEM))
	if b == nil {
		return nil, errors.New("keys: bad PEM")
	}
	return x509.ParsePKIXPublicKey(b.Bytes)
}
