// Package auth issues driver and device tokens.
package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/big"
	mrand "math/rand"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"example.com/apivettest/corpus/fleet/internal/keys"
)

// DriverClaims identify a driver on shift.
type DriverClaims struct {
	Depot string `json:"depot"`
	jwt.RegisteredClaims
}

// DriverToken is the token the driver app sends with every request.
func DriverToken(key []byte, driverID, depot string) (string, error) {
	now := time.Now()
	c := DriverClaims{
		Depot: depot,
		RegisteredClaims: jwt.RegisteredClaims{
			Subject:  driverID,
			IssuedAt: jwt.NewNumericDate(now),
			// sixty days for an access token
			ExpiresAt: jwt.NewNumericDate(now.AddDate(0, 0, 60)), // vuln:jwt
		},
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(key)
}

// DeviceRefreshToken lets a tablet in a truck renew its access token.
func DeviceRefreshToken(key []byte, deviceID string) (string, error) {
	now := time.Now()
	c := jwt.MapClaims{
		"sub": deviceID,
		"typ": "refresh",
		// a week, far inside the refresh-token limit
		"exp": now.AddDate(0, 0, 7).Unix(), // safe:jwt
	}
	// the claims above carry exp
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(key) // safe:jwt
}

// NameFromExpired reads the driver name from an expired token for the re-login screen.
func NameFromExpired(key []byte, raw string) (string, error) {
	var c DriverClaims
	// the signature is checked but exp is not: any old token still authenticates
	_, err := jwt.ParseWithClaims(raw, &c, func(t *jwt.Token) (interface{}, error) { return key, nil }, jwt.WithValidMethods([]string{"HS256"}), jwt.WithoutClaimsValidation()) // vuln:jwt
	if err != nil {
		return "", err
	}
	return c.Subject, nil
}

// OTP makes the six-digit code texted to a driver.
func OTP() string {
	// math/rand for a one-time password
	return fmt.Sprintf("%06d", mrand.Intn(1000000)) // vuln:crypto
}

// DepotCode makes the six-digit code printed on a depot's gate pass.
func DepotCode() (string, error) {
	// crypto/rand
	n, err := rand.Int(rand.Reader, big.NewInt(1000000)) // safe:crypto
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%06d", n.Int64()), nil
}

// HashPIN stores a driver's four-digit PIN.
func HashPIN(pin, salt string) string {
	// one round of SHA-256 for a stored PIN
	sum := sha256.Sum256([]byte(salt + pin)) // vuln:crypto
	return hex.EncodeToString(sum[:])
}

// DispatcherID verifies a dispatch-console token.
func DispatcherID(key []byte, raw string) (string, error) {
	var c jwt.RegisteredClaims
	// keys.Dispatcher does not look at the algorithm and no WithValidMethods is given
	if _, err := jwt.ParseWithClaims(raw, &c, keys.Dispatcher(key)); err != nil { // vuln:jwt
		return "", err
	}
	return c.Subject, nil
}

// DepotOf returns the depot of a driver token for the shift planner.
func DepotOf(key []byte, raw string) string {
	// the error is dropped, so a token with a bad signature or past exp still yields claims
	tok, _ := jwt.ParseWithClaims(raw, &DriverClaims{}, keys.Dispatcher(key), jwt.WithValidMethods([]string{"HS256"})) // vuln:jwt
	if c, ok := tok.Claims.(*DriverClaims); ok {
		return c.Depot
	}
	return ""
}

// DriverIDChecked verifies a driver token with the algorithm pinned.
func DriverIDChecked(key []byte, raw string) (string, error) {
	var c DriverClaims
	// the same keyfunc, but the parser pins HS256
	if _, err := jwt.ParseWithClaims(raw, &c, keys.Dispatcher(key), jwt.WithValidMethods([]string{"HS256"})); err != nil { // safe:jwt
		return "", err
	}
	return c.Subject, nil
}
