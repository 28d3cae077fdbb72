// Package orders takes orders, reviews and seller uploads.
package orders

import (
	"context"
	"crypto/pbkdf2"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	xpbkdf2 "golang.org/x/crypto/pbkdf2"

	"example.com/apivettest/corpus/bazaar/internal/catalog"
	"example.com/apivettest/corpus/bazaar/internal/config"
	"example.com/apivettest/corpus/bazaar/internal/sellertoken"
)

// Service holds the order handlers' dependencies.
type Service struct {
	Catalog   *catalog.Catalog
	Tokens    *sellertoken.Service
	PhotoDir  string
	ImportDir string
	Log       *slog.Logger
}

type errBody struct {
	Error string `json:"error"`
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

type line struct {
	ProductID int64 `json:"product_id"`
	Qty       int   `json:"qty"`
}

type order struct {
	Email string `json:"email"`
	Lines []line `json:"lines"`
}

// Create places an order. The route wraps the body in MaxBytesReader.
func (s *Service) Create(w http.ResponseWriter, r *http.Request) {
	var o order
	// LimitBody(config.MaxOrderBody) wraps this handler in the router
	if err := json.NewDecoder(r.Body).Decode(&o); err != nil { // safe:transport
		http.Error(w, "malformed order", http.StatusBadRequest)
		return
	}
	for _, l := range o.Lines {
		if l.Qty < 1 || l.Qty > 99 {
			// the handler's own check, 400
			http.Error(w, fmt.Sprintf("quantity must be between 1 and 99, got %d", l.Qty), http.StatusBadRequest) // safe:exposure
			return
		}
	}
	id, err := s.place(r.Context(), o)
	if err != nil {
		s.Log.Error("place order", "err", err)
		// the transaction's error text on a 500
		writeJSON(w, http.StatusInternalServerError, errBody{Error: err.Error()}) // vuln:exposure
		return
	}
	receipt, err := s.Tokens.Receipt(id, o.Email)
	if err != nil {
		s.Log.Error("receipt", "err", err)
		// a fixed message; the detail is only logged
		http.Error(w, "internal error", http.StatusInternalServerError) // safe:exposure
		return
	}
	writeJSON(w, http.StatusCreated, map[string]string{"order": id, "receipt": receipt})
}

func (s *Service) place(ctx context.Context, o order) (id string, err error) {
	tx, err := s.Catalog.DB().BeginTx(ctx, nil)
	if err != nil {
		return "", err
	}
	defer func() {
		if err != nil {
			err = errors.Join(err, tx.Rollback())
		}
	}()
	for _, l := range o.Lines {
		if err = s.Catalog.Reserve(ctx, tx, l.ProductID, l.Qty); err != nil {
			return "", fmt.Errorf("product %d: %w", l.ProductID, err)
		}
	}
	return fmt.Sprintf("BZ-%d", len(o.Lines)), tx.Commit()
}

// Review stores a product review.
func (s *Service) Review(w http.ResponseWriter, r *http.Request) {
	// the whole body is read with no limit
	body, err := io.ReadAll(r.Body) // vuln:transport
	if err != nil {
		http.Error(w, "could not read review", http.StatusBadRequest)
		return
	}
	if len(strings.TrimSpace(string(body))) == 0 {
		http.Error(w, "a review needs some text", http.StatusBadRequest)
		return
	}
	w.WriteHeader(http.StatusAccepted)
}

// ImportPrices applies a seller's price CSV.
func (s *Service) ImportPrices(w http.ResponseWriter, r *http.Request) {
	// at most 5 MiB is read
	body, err := io.ReadAll(io.LimitReader(r.Body, config.CSVImportLimit)) // safe:transport
	if err != nil {
		http.Error(w, "could not read CSV", http.StatusBadRequest)
		return
	}
	seller := r.PathValue("seller")
	if err := s.Catalog.Reprice(r.Context(), seller, strings.Split(string(body), "\n")); err != nil {
		s.Log.Error("reprice", "err", err)
		http.Error(w, "reprice failed", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// UploadPhoto stores a listing photo.
func (s *Service) UploadPhoto(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 10<<20)
	f, hdr, err := r.FormFile("photo")
	if err != nil {
		http.Error(w, "missing photo", http.StatusBadRequest)
		return
	}
	defer f.Close()
	// the base name only, under the seller's directory
	dst, err := os.Create(filepath.Join(s.PhotoDir, r.PathValue("seller"), filepath.Base(hdr.Filename))) // safe:exposure
	if err != nil {
		http.Error(w, "could not store photo", http.StatusInternalServerError)
		return
	}
	defer dst.Close()
	_, _ = io.Copy(dst, f)
	w.WriteHeader(http.StatusCreated)
}

// UploadFeed stores a seller's product feed for the nightly import.
func (s *Service) UploadFeed(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 50<<20)
	f, hdr, err := r.FormFile("feed")
	if err != nil {
		http.Error(w, "missing feed", http.StatusBadRequest)
		return
	}
	defer f.Close()
	// the feed's client-side file name is the path under the import dir
	dst, err := os.Create(filepath.Join(s.ImportDir, hdr.Filename)) // vuln:exposure
	if err != nil {
		http.Error(w, "could not store feed", http.StatusInternalServerError)
		return
	}
	defer dst.Close()
	_, _ = io.Copy(dst, f)
	w.WriteHeader(http.StatusCreated)
}

// EmailVerificationToken makes the token in the "confirm your email" link.
func EmailVerificationToken() string {
	const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
	b := make([]byte, 24)
	for i := range b {
		// math/rand/v2 for a verification token
		b[i] = alphabet[rand.IntN(len(alphabet))] // vuln:crypto
	}
	return string(b)
}

// SellerPasswordKey derives the stored verifier of a seller password.
func SellerPasswordKey(password string, salt []byte) ([]byte, error) {
	// PBKDF2-SHA256 at 600,000 iterations (config.PBKDF2Iterations)
	return pbkdf2.Key(sha256.New, password, salt, config.PBKDF2Iterations, 32) // safe:crypto
}

// LegacySellerPasswordKey is how passwords were derived until 2022.
func LegacySellerPasswordKey(password string, salt []byte) []byte {
	// a thousand iterations
	return xpbkdf2.Key([]byte(password), salt, 1000, 32, sha256.New) // vuln:crypto
}
