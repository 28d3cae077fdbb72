// Package auth issues the device, console and firmware-link tokens.
package auth

import (
	"crypto/ecdsa"
	"errors"
	"fmt"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"example.com/apivettest/corpus/sensorhub/internal/config"
)

// Keys holds the signing material.
type Keys struct {
	DeviceKey     *ecdsa.PrivateKey
	ConsoleSecret []byte
}

// DeviceToken signs the token a device presents when it uploads readings.
func (k Keys) DeviceToken(deviceID, fleet string) (string, error) {
	now := time.Now()
	// the claims carry exp; its one-year value is flagged on the exp line
	t := jwt.NewWithClaims(jwt.SigningMethodES256, jwt.MapClaims{ // safe:jwt
		"sub":   deviceID,
		"fleet": fleet,
		"iat":   now.Unix(),
		// a year-long access token (config.DeviceTokenTTL)
		"exp": now.Add(config.DeviceTokenTTL).Unix(), // vuln:jwt
	})
	return t.SignedString(k.DeviceKey)
}

// ConsoleClaims are an operator's claims.
type ConsoleClaims struct {
	jwt.RegisteredClaims
	Role string `json:"role"`
}

// ConsoleToken signs an operator's session token.
func (k Keys) ConsoleToken(operator, role string) (string, error) {
	now := time.Now()
	c := ConsoleClaims{
		RegisteredClaims: jwt.RegisteredClaims{
			Subject:  operator,
			IssuedAt: jwt.NewNumericDate(now),
			// eight hours
			ExpiresAt: jwt.NewNumericDate(now.Add(config.ConsoleTokenTTL)), // safe:jwt
		},
		Role: role,
	}
	if len(k.ConsoleSecret) < 32 {
		return "", errors.New("auth: console secret shorter than 32 bytes")
	}
	// HS256 with a secret from the environment whose length is checked above
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(k.ConsoleSecret) // safe:jwt
}

// FirmwareLink builds the token in a firmware download URL. The bootloader
// cannot verify signatures, so the token goes out unsigned.
func FirmwareLink(deviceID, image string) (string, error) {
	claims := jwt.RegisteredClaims{
		Subject:   deviceID,
		Audience:  jwt.ClaimStrings{image},
		ExpiresAt: jwt.NewNumericDate(time.Now().Add(config.FirmwareLinkTTL)),
	}
	// alg "none": anyone can mint a link for any image
	link, err := jwt.NewWithClaims(jwt.SigningMethodNone, claims).SignedString(jwt.UnsafeAllowNoneSignatureType) // vuln:jwt
	if err != nil {
		return "", fmt.Errorf("auth: firmware link: %w", err)
	}
	return link, nil
}

// deviceKeyfunc hands back the fleet's public key; the method is pinned by
// the parser option in VerifyDevice.
func (k Keys) deviceKeyfunc(*jwt.Token) (any, error) {
	return &k.DeviceKey.PublicKey, nil
}

// VerifyDevice checks a device token.
func (k Keys) VerifyDevice(raw string) (jwt.MapClaims, error) {
	claims := jwt.MapClaims{}
	// the keyfunc does not look at the method, but WithValidMethods pins ES256
	_, err := jwt.ParseWithClaims(raw, claims, k.deviceKeyfunc, jwt.WithValidMethods([]string{"ES256"}), jwt.WithExpirationRequired()) // safe:jwt
	if err != nil {
		return nil, fmt.Errorf("auth: device token: %w", err)
	}
	return claims, nil
}
