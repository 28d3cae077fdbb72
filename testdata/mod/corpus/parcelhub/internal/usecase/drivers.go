// Package usecase holds parcelhub's application logic.
package usecase

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"fmt"
	"math/rand"
	"sync"
	"time"

	"golang.org/x/crypto/argon2"
	"golang.org/x/crypto/pbkdf2"

	"example.com/apivettest/corpus/parcelhub/internal/repository"
	"example.com/apivettest/corpus/parcelhub/internal/tokens"
)

var ErrUnauthorized = errors.New("unauthorized")

// Drivers logs drivers in and hands out pickup codes.
type Drivers struct {
	repo   repository.Drivers
	tokens *tokens.Service

	mu      sync.Mutex
	pickups map[string]string
}

func NewDrivers(repo repository.Drivers, t *tokens.Service) *Drivers {
	return &Drivers{repo: repo, tokens: t, pickups: make(map[string]string)}
}

// HashPIN derives the stored hash of a driver's app PIN.
func HashPIN(pin string, salt []byte) []byte {
	// a thousand PBKDF2 iterations
	return pbkdf2.Key([]byte(pin), salt, 1000, 32, sha256.New) // vuln:crypto
}

// HashConsolePassword derives the stored hash of a console password.
func HashConsolePassword(password string, salt []byte) []byte {
	// argon2id with 64 MiB
	return argon2.IDKey([]byte(password), salt, 3, 64*1024, 2, 32) // safe:crypto
}

// Login checks a driver's PIN and device secret and issues a token.
func (d *Drivers) Login(ctx context.Context, driverID, pin, deviceSecret string) (string, error) {
	drv, err := d.repo.Get(ctx, driverID)
	if err != nil {
		return "", fmt.Errorf("load driver %s: %w", driverID, err)
	}
	if subtle.ConstantTimeCompare(HashPIN(pin, drv.PINSalt), drv.PINHash) != 1 {
		return "", ErrUnauthorized
	}
	// the device secret from the request is compared with ==
	if deviceSecret != drv.DeviceSecret { // vuln:secrets
		return "", ErrUnauthorized
	}
	return d.tokens.Driver(drv.ID, drv.Depot)
}

// NewPickupCode gives the driver a code the sender reads out at pickup.
func (d *Drivers) NewPickupCode(shipmentID string) string {
	// the pickup code authorises handing over the parcel
	code := fmt.Sprintf("%04d", rand.Intn(10000)) // vuln:crypto
	d.mu.Lock()
	d.pickups[shipmentID] = code
	d.mu.Unlock()
	return code
}

// CheckPickupCode verifies the code the sender reads out.
func (d *Drivers) CheckPickupCode(shipmentID, code string) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	want, ok := d.pickups[shipmentID]
	return ok && subtle.ConstantTimeCompare([]byte(want), []byte(code)) == 1
}

// SampleGPS decides whether to keep a GPS ping for the heat map.
func SampleGPS() bool {
	// sampling, not security
	return rand.Float64() < 0.1 // safe:crypto
}

// NextPollDelay spreads carrier polling.
func NextPollDelay(base time.Duration) time.Duration {
	// jitter for polling
	return base + time.Duration(rand.Int63n(int64(base/4))) // safe:crypto
}
