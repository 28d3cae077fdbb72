// Package studio is the creators' upload studio, a cookie-session web app
// that partner sites embed in an iframe.
package studio

import (
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"path/filepath"
	"sync"

	"github.com/gofiber/fiber/v2"

	"example.com/apivettest/corpus/reelhouse/internal/config"
	"example.com/apivettest/corpus/reelhouse/pkg/streamkeys"
)

type Studio struct {
	Log *slog.Logger

	mu       sync.Mutex
	sessions map[string]int64
	keys     map[int64]string
}

func New(log *slog.Logger) *Studio {
	return &Studio{Log: log, sessions: map[string]int64{}, keys: map[int64]string{}}
}

// SignIn sets the studio session cookie, SameSite=None so the iframe keeps it.
func (s *Studio) SignIn(c *fiber.Ctx) error {
	b := make([]byte, 24)
	_, _ = rand.Read(b)
	sid := hex.EncodeToString(b)
	s.mu.Lock()
	s.sessions[sid] = 1
	s.mu.Unlock()
	c.Cookie(&fiber.Cookie{Name: "studio_session", Value: sid, HTTPOnly: true, Secure: true, SameSite: fiber.CookieSameSiteNoneMode})
	return c.SendStatus(fiber.StatusNoContent)
}

// Session authenticates studio requests by cookie.
func (s *Studio) Session(c *fiber.Ctx) error {
	s.mu.Lock()
	ch, ok := s.sessions[c.Cookies("studio_session")]
	s.mu.Unlock()
	if !ok {
		return c.SendStatus(fiber.StatusUnauthorized)
	}
	c.Locals("channel", ch)
	return c.Next()
}

// RotateKey issues a new stream key for the channel.
func (s *Studio) RotateKey(c *fiber.Ctx) error {
	ch := c.Locals("channel").(int64)
	k := streamkeys.New(ch)
	s.mu.Lock()
	s.keys[ch] = k
	s.mu.Unlock()
	return c.JSON(fiber.Map{"stream_key": k})
}

// Thumbnail stores a thumbnail for a video.
func (s *Studio) Thumbnail(c *fiber.Ctx) error {
	fh, err := c.FormFile("thumb")
	if err != nil {
		return c.SendStatus(fiber.StatusBadRequest)
	}
	// the client's file name goes into the path
	if err := c.SaveFile(fh, filepath.Join(config.UploadDir, "thumbs", fh.Filename)); err != nil { // vuln:exposure
		s.Log.Error("save thumbnail", "err", err)
		return c.SendStatus(fiber.StatusInternalServerError)
	}
	return c.SendStatus(fiber.StatusCreated)
}

// Ingest is called by the RTMP gateway to check a broadcaster's key.
func (s *Studio) Ingest(c *fiber.Ctx) error {
	ch, _ := c.ParamsInt("channel")
	s.mu.Lock()
	want := s.keys[int64(ch)]
	s.mu.Unlock()
	// the stream key from the request header is compared with ==
	if want == "" || c.Get(config.StreamKeyHdr) != want { // vuln:secrets
		return c.SendStatus(fiber.StatusForbidden)
	}
	return c.SendStatus(fiber.StatusNoContent)
}
