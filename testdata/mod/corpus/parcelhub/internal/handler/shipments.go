package handler

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"github.com/go-chi/chi/v5"

	"example.com/apivettest/corpus/parcelhub/internal/config"
	"example.com/apivettest/corpus/parcelhub/internal/repository"
	"example.com/apivettest/corpus/parcelhub/internal/tokens"
	"example.com/apivettest/corpus/parcelhub/pkg/signing"
)

type claimsKey struct{}

// MerchantID reads the merchant id the auth middleware stored.
func MerchantID(r *http.Request) string {
	id, _ := r.Context().Value(claimsKey{}).(string)
	return id
}

// Shipments serves the merchant API.
type Shipments struct {
	Repo     repository.Shipments
	Tokens   *tokens.Service
	LabelDir string
	Log      *slog.Logger
}

func (h *Shipments) Search(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	var statuses []string
	if s := q.Get("status"); s != "" {
		statuses = strings.Split(s, ",")
	}
	out, err := h.Repo.Search(r.Context(), repository.ShipmentQuery{
		MerchantID: MerchantID(r),
		Statuses:   statuses,
		Recipient:  q.Get("recipient"),
		SortBy:     q.Get("sort"),
		Desc:       q.Get("desc") == "1",
	})
	if err != nil {
		// the pq error (with the query fragment) goes to the client
		http.Error(w, err.Error(), http.StatusInternalServerError) // vuln:exposure
		return
	}
	writeJSON(w, http.StatusOK, out)
}

func (h *Shipments) Create(w http.ResponseWriter, r *http.Request) {
	var in repository.Shipment
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
		invalid(w, "body must be a shipment")
		return
	}
	if in.Recipient == "" {
		invalid(w, "recipient_name is required")
		return
	}
	in.MerchantID = MerchantID(r)
	in.ID = newID()
	in.Status = "created"
	if err := h.Repo.Create(r.Context(), &in); err != nil {
		internal(w, h.Log, err)
		return
	}
	writeJSON(w, http.StatusCreated, in)
}

func (h *Shipments) Quote(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]any{"currency": "EUR", "amount": 690})
}

func (h *Shipments) Grant(w http.ResponseWriter, r *http.Request) {
	tok, err := h.Tokens.TrackingGrant(chi.URLParam(r, "id"), r.URL.Query().Get("partner"))
	if err != nil {
		internal(w, h.Log, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"grant": tok})
}

// UploadLabel stores a carrier label PDF the merchant printed elsewhere.
func (h *Shipments) UploadLabel(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, config.MaxUploadBytes)
	// the body is capped just above
	if err := r.ParseMultipartForm(config.MaxUploadBytes); err != nil { // safe:transport
		invalid(w, "label must be a multipart upload under 8 MiB")
		return
	}
	file, hdr, err := r.FormFile("label")
	if err != nil {
		invalid(w, "missing label file")
		return
	}
	defer file.Close()
	sum, err := signing.Checksum(file)
	if err != nil {
		internal(w, h.Log, err)
		return
	}
	_, _ = file.Seek(0, io.SeekStart)
	dir := filepath.Join(h.LabelDir, MerchantID(r))
	// the client's file name is joined into the path as sent
	out, err := os.Create(filepath.Join(dir, hdr.Filename)) // vuln:exposure
	if err != nil {
		internal(w, h.Log, err)
		return
	}
	defer out.Close()
	if _, err := io.Copy(out, file); err != nil {
		internal(w, h.Log, err)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]string{"checksum": sum})
}

func newID() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return fmt.Sprintf("shp_%s", hex.EncodeToString(b))
}
