// Package handlers holds reelhouse's fiber handlers.
package handlers

import (
	"crypto/rand"
	"fmt"
	"log/slog"
	"math/big"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"
	jwt "github.com/golang-jwt/jwt/v5"

	"example.com/apivettest/corpus/reelhouse/internal/auth"
	"example.com/apivettest/corpus/reelhouse/internal/catalog"
	"example.com/apivettest/corpus/reelhouse/internal/config"
	"example.com/apivettest/corpus/reelhouse/pkg/urlsign"
)

// Viewer serves the viewer apps.
type Viewer struct {
	Repo    catalog.Repository
	Tokens  *auth.Tokens
	URLKey  []byte
	Log     *slog.Logger
	mu      sync.Mutex
	pairing map[string]string
}

func NewViewer(repo catalog.Repository, tokens *auth.Tokens, urlKey []byte, log *slog.Logger) *Viewer {
	return &Viewer{Repo: repo, Tokens: tokens, URLKey: urlKey, Log: log, pairing: map[string]string{}}
}

type credentials struct {
	Email    string `json:"email"`
	Password string `json:"password"`
}

func (h *Viewer) Login(c *fiber.Ctx) error {
	var in credentials
	// fiber's default 4 MiB body limit applies
	if err := c.BodyParser(&in); err != nil { // safe:transport
		return c.Status(fiber.StatusBadRequest).JSON(fiber.Map{"error": "invalid body"})
	}
	access, err := h.Tokens.Access(in.Email)
	if err != nil {
		return err
	}
	refresh, err := h.Tokens.Refresh(in.Email)
	if err != nil {
		return err
	}
	// the web player's session cookie: fiber sends SameSite=Lax when none is given
	c.Cookie(&fiber.Cookie{Name: "rh_session", Value: access, HTTPOnly: true, Secure: true, Expires: time.Now().Add(config.AccessTTL)}) // safe:headers
	return c.JSON(fiber.Map{"access_token": access, "refresh_token": refresh})
}

func (h *Viewer) Register(c *fiber.Ctx) error {
	var in credentials
	// default body limit
	if err := c.BodyParser(&in); err != nil { // safe:transport
		return c.Status(fiber.StatusBadRequest).JSON(fiber.Map{"error": "invalid body"})
	}
	if len(in.Password) < 10 {
		// the handler's own check
		return c.Status(fiber.StatusUnprocessableEntity).JSON(fiber.Map{"error": "password must have at least 10 characters"}) // safe:exposure
	}
	return c.SendStatus(fiber.StatusCreated)
}

func (h *Viewer) Refresh(c *fiber.Ctx) error { return c.SendStatus(fiber.StatusNotImplemented) }

// Providers lists the single-sign-on providers shown on the login page.
func (h *Viewer) Providers(c *fiber.Ctx) error {
	return c.JSON([]string{"google", "apple"})
}

func (h *Viewer) Search(c *fiber.Ctx) error {
	titles, err := h.Repo.Search(c.Context(), c.Query("q"), c.Query("sort"))
	if err != nil {
		// the pgx error in a 500 body
		return c.Status(fiber.StatusInternalServerError).JSON(fiber.Map{"error": err.Error()}) // vuln:exposure
	}
	return c.JSON(titles)
}

func (h *Viewer) Title(c *fiber.Ctx) error {
	t, err := h.Repo.BySlug(c.Context(), c.Params("slug"))
	if err != nil {
		h.Log.Error("title", "err", err)
		// fixed message
		return c.Status(fiber.StatusInternalServerError).SendString("could not load the title") // safe:exposure
	}
	return c.JSON(t)
}

func (h *Viewer) Play(c *fiber.Ctx) error {
	user := c.Locals("user").(*jwt.Token)
	sub, _ := user.Claims.GetSubject()
	tok, err := h.Tokens.Playback(sub, c.Params("slug"))
	if err != nil {
		return err
	}
	manifest := urlsign.Sign(h.URLKey, "/hls/"+c.Params("slug")+"/master.m3u8", time.Now().Add(config.PlaybackTTL))
	_ = h.Repo.Track(c.Context(), c.Get("X-Region", "eu"), "play")
	return c.JSON(fiber.Map{"token": tok, "manifest": manifest})
}

func (h *Viewer) Reserve(c *fiber.Ctx) error {
	id, _ := strconv.ParseInt(c.Params("id"), 10, 64)
	if err := h.Repo.Reserve(c.Context(), "viewer", id); err != nil {
		// a 503 carrying the database error
		return c.Status(fiber.StatusServiceUnavailable).SendString("reservation failed: " + err.Error()) // vuln:exposure
	}
	return c.SendStatus(fiber.StatusNoContent)
}

// StartPairing shows a code on the TV.
func (h *Viewer) StartPairing(c *fiber.Ctx) error {
	n, err := rand.Int(rand.Reader, big.NewInt(1_000_000))
	if err != nil {
		return err
	}
	code := fmt.Sprintf("%06d", n.Int64())
	h.mu.Lock()
	h.pairing[code] = c.IP()
	h.mu.Unlock()
	return c.JSON(fiber.Map{"code": code})
}

// VerifyPairing is called by the phone app with the code shown on the TV.
func (h *Viewer) VerifyPairing(c *fiber.Ctx) error {
	var in struct {
		Code string `json:"code"`
	}
	if err := c.BodyParser(&in); err != nil {
		return c.SendStatus(fiber.StatusBadRequest)
	}
	h.mu.Lock()
	_, ok := h.pairing[in.Code]
	delete(h.pairing, in.Code)
	h.mu.Unlock()
	if !ok {
		return c.SendStatus(fiber.StatusNotFound)
	}
	tok, err := h.Tokens.Device(in.Code, "viewer")
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"device_token": tok})
}

// ProfilePIN unlocks a kids profile.
func (h *Viewer) ProfilePIN(c *fiber.Ctx) error {
	var in struct {
		PIN string `json:"pin"`
	}
	if err := c.BodyParser(&in); err != nil {
		return c.SendStatus(fiber.StatusBadRequest)
	}
	_ = urlsign.HashProfilePIN(c.Params("id"), in.PIN)
	return c.SendStatus(fiber.StatusNoContent)
}

// UploadSubtitle stores a community subtitle file.
func (h *Viewer) UploadSubtitle(c *fiber.Ctx) error {
	fh, err := c.FormFile("file")
	if err != nil {
		return c.SendStatus(fiber.StatusBadRequest)
	}
	if filepath.Ext(fh.Filename) != ".vtt" {
		return c.Status(fiber.StatusBadRequest).SendString("only WebVTT files are accepted")
	}
	// filepath.Base strips any directory from the client's name
	return c.SaveFile(fh, filepath.Join(config.SubtitleDir, filepath.Base(fh.Filename))) // safe:exposure
}

// BillingWebhook receives the payment provider's events.
func (h *Viewer) BillingWebhook(c *fiber.Ctx) error {
	sub, err := h.Tokens.BillingEvent(string(c.Body()), h.URLKey)
	if err != nil {
		return c.SendStatus(fiber.StatusBadRequest)
	}
	h.Log.Info("billing event", "sub", sub)
	return c.SendStatus(fiber.StatusNoContent)
}
