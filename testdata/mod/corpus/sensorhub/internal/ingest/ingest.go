// Package ingest serves the endpoints devices talk to.
package ingest

import (
	"context"
	"log/slog"
	"regexp"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"example.com/apivettest/corpus/sensorhub/internal/auth"
	"example.com/apivettest/corpus/sensorhub/internal/config"
	"example.com/apivettest/corpus/sensorhub/internal/devicecrypto"
	"example.com/apivettest/corpus/sensorhub/internal/tsdb"
)

// Store is the storage ingest needs.
type Store interface {
	WriteBatch(ctx context.Context, rs []tsdb.Reading) error
	DeviceBySerial(ctx context.Context, serial string) (tsdb.Device, error)
	DeviceByID(ctx context.Context, id string) (tsdb.Device, error)
}

// Handlers are the device-facing handlers.
type Handlers struct {
	Store      Store
	Keys       auth.Keys
	SampleRate float64
	Log        *slog.Logger
}

var metricName = regexp.MustCompile(`^[a-z][a-z0-9_]{0,31}$`)

type registration struct {
	Serial string `json:"serial"`
	Fleet  string `json:"fleet"`
}

// Register claims a device and hands it its ingest token.
func (h *Handlers) Register(c *fiber.Ctx) error {
	var req registration
	// fiber enforces its 4 MiB default body limit (lower on this app)
	if err := c.BodyParser(&req); err != nil { // safe:transport
		return fiber.NewError(fiber.StatusBadRequest, "malformed registration")
	}
	dev, err := h.Store.DeviceBySerial(c.UserContext(), req.Serial)
	if err != nil {
		return fiber.NewError(fiber.StatusNotFound, "unknown serial")
	}
	// the factory token from the header is compared with == against the stored one
	if c.Get(config.HeaderDeviceToken) != dev.Token { // vuln:secrets
		return fiber.NewError(fiber.StatusUnauthorized, "bad factory token")
	}
	tok, err := h.Keys.DeviceToken(dev.ID, req.Fleet)
	if err != nil {
		h.Log.Error("device token", "err", err)
		return fiber.NewError(fiber.StatusInternalServerError, "could not issue token")
	}
	return c.JSON(fiber.Map{"token": tok, "code": devicecrypto.ProvisioningCode()})
}

// RequireDevice verifies the device token.
func (h *Handlers) RequireDevice(c *fiber.Ctx) error {
	raw, ok := strings.CutPrefix(c.Get(fiber.HeaderAuthorization), "Bearer ")
	if !ok {
		return fiber.ErrUnauthorized
	}
	claims, err := h.Keys.VerifyDevice(raw)
	if err != nil {
		return fiber.ErrUnauthorized
	}
	sub, _ := claims.GetSubject()
	c.Locals("device", sub)
	return c.Next()
}

type upload struct {
	Readings []tsdb.Reading `json:"readings"`
}

// Readings stores an upload.
func (h *Handlers) Readings(c *fiber.Ctx) error {
	var up upload
	// bounded by the app's BodyLimit
	if err := c.BodyParser(&up); err != nil { // safe:transport
		return fiber.NewError(fiber.StatusBadRequest, "malformed upload")
	}
	device, _ := c.Locals("device").(string)
	for i := range up.Readings {
		if !metricName.MatchString(up.Readings[i].Metric) {
			// the handler's own validation message, on a 400
			return c.Status(fiber.StatusBadRequest).JSON(fiber.Map{"error": "metric must match " + metricName.String()}) // safe:exposure
		}
		up.Readings[i].DeviceID = device
		if up.Readings[i].At.IsZero() {
			up.Readings[i].At = time.Now()
		}
	}
	if devicecrypto.Sampled(h.SampleRate) {
		h.Log.Info("sampled upload", "device", device, "n", len(up.Readings))
	}
	if err := h.Store.WriteBatch(c.UserContext(), up.Readings); err != nil {
		// the pgx error (table names, constraint) returned in the 500 body
		return c.Status(fiber.StatusInternalServerError).JSON(fiber.Map{"error": err.Error()}) // vuln:exposure
	}
	return c.SendStatus(fiber.StatusAccepted)
}
