package handler

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"

	"github.com/go-chi/chi/v5"

	"example.com/apivettest/corpus/parcelhub/internal/config"
	"example.com/apivettest/corpus/parcelhub/internal/usecase"
	"example.com/apivettest/corpus/parcelhub/pkg/podcrypt"
)

// Drivers serves the driver app.
type Drivers struct {
	UC       *usecase.Drivers
	PhotoDir string
	PhotoKey []byte
	Log      *slog.Logger
}

func (h *Drivers) Login(w http.ResponseWriter, r *http.Request) {
	var in struct {
		DriverID string `json:"driver_id"`
		PIN      string `json:"pin"`
	}
	// the driver router has no body limit
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil { // vuln:transport
		invalid(w, "body must be JSON")
		return
	}
	tok, err := h.UC.Login(r.Context(), in.DriverID, in.PIN, r.Header.Get("X-Device-Secret"))
	if errors.Is(err, usecase.ErrUnauthorized) {
		writeJSON(w, http.StatusUnauthorized, problem{Title: "unauthorized", Status: 401})
		return
	}
	if err != nil {
		internal(w, h.Log, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"token": tok})
}

func (h *Drivers) VerifyPickup(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Code string `json:"code"`
	}
	// same router, same missing limit
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil { // vuln:transport
		invalid(w, "body must be JSON")
		return
	}
	if !h.UC.CheckPickupCode(chi.URLParam(r, "id"), in.Code) {
		writeJSON(w, http.StatusForbidden, problem{Title: "wrong code", Status: 403})
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (h *Drivers) NewPickup(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusCreated, map[string]string{"code": h.UC.NewPickupCode(chi.URLParam(r, "id"))})
}

// UploadPOD stores a proof-of-delivery photo under a generated name.
func (h *Drivers) UploadPOD(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, config.MaxUploadBytes)
	file, hdr, err := r.FormFile("photo")
	if err != nil {
		invalid(w, "missing photo")
		return
	}
	defer file.Close()
	photo, err := io.ReadAll(file)
	if err != nil {
		invalid(w, "photo too large")
		return
	}
	var buf bytes.Buffer
	if err := podcrypt.Encrypt(h.PhotoKey, photo, &buf); err != nil {
		internal(w, h.Log, err)
		return
	}
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	// a generated name; only the extension comes from the client
	dst := filepath.Join(h.PhotoDir, hex.EncodeToString(b)+filepath.Ext(hdr.Filename)) // safe:exposure
	if err := os.WriteFile(dst, buf.Bytes(), 0o600); err != nil {
		// the os error carries the server's path
		writeJSON(w, http.StatusInternalServerError, problem{Title: "store failed", Status: 500, Detail: err.Error()}) // vuln:exposure
		return
	}
	w.WriteHeader(http.StatusCreated)
}
