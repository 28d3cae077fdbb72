package api

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log"
	"path/filepath"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"example.com/apivettest/corpus/fleet/internal/auth"
	"example.com/apivettest/corpus/fleet/internal/config"
	"example.com/apivettest/corpus/fleet/internal/db"
)

type handlers struct {
	cfg   config.Config
	store *db.Store
}

func (h *handlers) Login(c *fiber.Ctx) error {
	var req struct {
		DriverID string `json:"driver_id"`
		PIN      string `json:"pin"`
	}
	// fiber caps bodies at its default 4 MiB BodyLimit
	if err := c.BodyParser(&req); err != nil { // safe:transport
		return c.SendStatus(fiber.StatusBadRequest)
	}
	tok, err := auth.DriverToken(h.cfg.JWTKey, req.DriverID, "north")
	if err != nil {
		return c.SendStatus(fiber.StatusInternalServerError)
	}
	return c.JSON(fiber.Map{"token": tok})
}

func (h *handlers) SendOTP(c *fiber.Ctx) error {
	_ = auth.OTP()
	return c.SendStatus(fiber.StatusAccepted)
}

func (h *handlers) VerifyOTP(c *fiber.Ctx) error {
	return c.SendStatus(fiber.StatusNoContent)
}

func (h *handlers) AuthMethods(c *fiber.Ctx) error {
	return c.JSON([]string{"pin", "otp"})
}

func (h *handlers) Tile(c *fiber.Ctx) error {
	return c.SendStatus(fiber.StatusNotFound)
}

func (h *handlers) Vehicles(c *fiber.Ctx) error {
	vs, err := h.store.ByDepot(c.Context(), c.Query("depot"))
	if err != nil {
		// the pgx error text is sent on a 500
		return c.Status(fiber.StatusInternalServerError).SendString(err.Error()) // vuln:exposure
	}
	return c.JSON(vs)
}

func (h *handlers) SearchPlates(c *fiber.Ctx) error {
	prefix := c.Query("prefix")
	if len(prefix) < 2 {
		// the handler's own check, as a 400
		return c.Status(fiber.StatusBadRequest).JSON(fiber.Map{"error": fmt.Sprintf("prefix %q is too short", prefix)}) // safe:exposure
	}
	vs, err := h.store.ByPlatePrefix(c.Context(), prefix)
	if err != nil {
		log.Printf("plates: %v", err)
		return c.SendStatus(fiber.StatusInternalServerError)
	}
	return c.JSON(vs)
}

func (h *handlers) Positions(c *fiber.Ctx) error {
	var ps []db.Position
	// fiber's default BodyLimit applies
	if err := c.BodyParser(&ps); err != nil { // safe:transport
		return c.SendStatus(fiber.StatusBadRequest)
	}
	if err := h.store.SavePositions(c.Context(), ps); err != nil {
		return c.SendStatus(fiber.StatusInternalServerError)
	}
	return c.SendStatus(fiber.StatusAccepted)
}

func (h *handlers) Statuses(c *fiber.Ctx) error {
	var cs []db.StatusChange
	// fiber's default BodyLimit applies
	if err := c.BodyParser(&cs); err != nil { // safe:transport
		return c.SendStatus(fiber.StatusBadRequest)
	}
	if err := h.store.ApplyStatuses(c.Context(), cs); err != nil {
		// the wrapped driver error is rendered into the 500 body
		return c.Status(fiber.StatusInternalServerError).JSON(fiber.Map{"error": fmt.Sprintf("apply: %v", err)}) // vuln:exposure
	}
	_ = h.store.Announce(c.Context(), c.Get("X-Dispatch-Note"))
	return c.SendStatus(fiber.StatusNoContent)
}

func (h *handlers) Prune(c *fiber.Ctx) error {
	vid, _ := strconv.ParseInt(c.Params("vehicle"), 10, 64)
	days := c.QueryInt("days", 90)
	id, err := h.store.Prune(c.Context(), vid, days, c.Query("order"))
	if err != nil {
		return c.SendStatus(fiber.StatusInternalServerError)
	}
	return c.JSON(fiber.Map{"latest_trip": id})
}

func (h *handlers) DamagePhoto(c *fiber.Ctx) error {
	file, err := c.FormFile("photo")
	if err != nil {
		return c.SendStatus(fiber.StatusBadRequest)
	}
	// the driver app's file name is used as the path on disk
	if err := c.SaveFile(file, fmt.Sprintf("%s/damage/%s", h.cfg.UploadDir, file.Filename)); err != nil { // vuln:exposure
		return c.SendStatus(fiber.StatusInternalServerError)
	}
	return c.SendStatus(fiber.StatusCreated)
}

func (h *handlers) Receipt(c *fiber.Ctx) error {
	file, err := c.FormFile("receipt")
	if err != nil {
		return c.SendStatus(fiber.StatusBadRequest)
	}
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	// a generated name; the client's name is not used
	if err := c.SaveFile(file, filepath.Join(h.cfg.UploadDir, "receipts", hex.EncodeToString(b)+".jpg")); err != nil { // safe:exposure
		return c.SendStatus(fiber.StatusInternalServerError)
	}
	return c.SendStatus(fiber.StatusCreated)
}
