// Package console serves the operator console's API.
package console

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"path/filepath"
	"strings"

	"github.com/gofiber/fiber/v2"
	"golang.org/x/crypto/bcrypt"

	"example.com/apivettest/corpus/sensorhub/internal/auth"
	"example.com/apivettest/corpus/sensorhub/internal/tsdb"
)

// Operators looks operators up.
type Operators interface {
	PasswordHash(ctx context.Context, name string) ([]byte, string, error)
	APIKeyOwner(ctx context.Context, key string) (string, error)
}

// Devices is the device storage the console uses.
type Devices interface {
	Search(ctx context.Context, filters []string) ([]string, error)
	Prune(ctx context.Context) error
}

// Handlers are the console handlers.
type Handlers struct {
	Ops         Operators
	Devices     Devices
	Keys        auth.Keys
	FirmwareDir string
	ExportDir   string
	Log         *slog.Logger
}

type login struct {
	Name     string `json:"name"`
	Password string `json:"password"`
}

// Login signs an operator in and sets the session cookie.
func (h *Handlers) Login(c *fiber.Ctx) error {
	var in login
	// fiber's default body limit applies
	if err := c.BodyParser(&in); err != nil { // safe:transport
		return fiber.NewError(fiber.StatusBadRequest, "malformed login")
	}
	hash, role, err := h.Ops.PasswordHash(c.UserContext(), in.Name)
	if err != nil || bcrypt.CompareHashAndPassword(hash, []byte(in.Password)) != nil {
		return fiber.NewError(fiber.StatusUnauthorized, "wrong name or password")
	}
	tok, err := h.Keys.ConsoleToken(in.Name, role)
	if err != nil {
		h.Log.Error("console token", "err", err)
		return fiber.ErrInternalServerError
	}
	// HttpOnly, Secure, SameSite=Strict
	c.Cookie(&fiber.Cookie{Name: "sh_session", Value: tok, Path: "/", HTTPOnly: true, Secure: true, SameSite: fiber.CookieSameSiteStrictMode}) // safe:headers
	return c.JSON(fiber.Map{"token": tok})
}

// Token exchanges a CI API key for a console token.
func (h *Handlers) Token(c *fiber.Ctx) error {
	owner, err := h.Ops.APIKeyOwner(c.UserContext(), c.Get("X-API-Key"))
	if err != nil {
		return fiber.ErrUnauthorized
	}
	tok, err := h.Keys.ConsoleToken(owner, "ci")
	if err != nil {
		return fiber.ErrInternalServerError
	}
	return c.JSON(fiber.Map{"token": tok})
}

// ResetPassword starts a password reset.
func (h *Handlers) ResetPassword(c *fiber.Ctx) error { return c.SendStatus(fiber.StatusAccepted) }

// VerifyOTP checks an operator's second factor.
func (h *Handlers) VerifyOTP(c *fiber.Ctx) error { return c.SendStatus(fiber.StatusNoContent) }

// TokenUsage reports how many device tokens each fleet used today.
func (h *Handlers) TokenUsage(c *fiber.Ctx) error { return c.JSON(fiber.Map{"fleets": []string{}}) }

// SearchDevices lists devices by tag.
func (h *Handlers) SearchDevices(c *fiber.Ctx) error {
	ids, err := h.Devices.Search(c.UserContext(), strings.Split(c.Query("tags"), ","))
	if err != nil {
		// fiber's default error handler writes this message into the 500 body
		return fiber.NewError(fiber.StatusInternalServerError, err.Error()) // vuln:exposure
	}
	return c.JSON(ids)
}

// UploadFirmware stores a firmware image for rollout.
func (h *Handlers) UploadFirmware(c *fiber.Ctx) error {
	fh, err := c.FormFile("image")
	if err != nil {
		return fiber.NewError(fiber.StatusBadRequest, "missing image")
	}
	// the uploaded file name is used as the path under the firmware dir
	if err := c.SaveFile(fh, filepath.Join(h.FirmwareDir, fh.Filename)); err != nil { // vuln:exposure
		h.Log.Error("save firmware", "err", err)
		return fiber.ErrInternalServerError
	}
	return c.SendStatus(fiber.StatusCreated)
}

// UploadExport stores a CSV for a bulk import under a generated name.
func (h *Handlers) UploadExport(c *fiber.Ctx) error {
	fh, err := c.FormFile("csv")
	if err != nil {
		return fiber.NewError(fiber.StatusBadRequest, "missing csv")
	}
	buf := make([]byte, 16)
	_, _ = rand.Read(buf)
	// a random name; the client's file name is not used
	if err := c.SaveFile(fh, filepath.Join(h.ExportDir, hex.EncodeToString(buf)+".csv")); err != nil { // safe:exposure
		return fiber.ErrInternalServerError
	}
	return c.SendStatus(fiber.StatusCreated)
}

// RotateToken rotates a device's token.
func (h *Handlers) RotateToken(c *fiber.Ctx) error { return c.SendStatus(fiber.StatusNoContent) }

// Prune drops old readings now instead of at night.
func (h *Handlers) Prune(c *fiber.Ctx) error {
	if err := h.Devices.Prune(c.UserContext()); err != nil {
		h.Log.Error("prune", "err", err)
		return fiber.NewError(fiber.StatusInternalServerError, "prune failed")
	}
	return c.SendStatus(fiber.StatusNoContent)
}

// Panels serves the Grafana data source.
func (h *Handlers) Panels(c *fiber.Ctx) error { return c.JSON([]tsdb.Reading{}) }
