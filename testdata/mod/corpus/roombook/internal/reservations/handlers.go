package reservations

import (
	"crypto/md5"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"
)

// Handlers builds the booking handlers around a Repository.
type Handlers struct {
	repo Repository
	log  *slog.Logger
}

// NewHandlers wires the handlers.
func NewHandlers(repo Repository, log *slog.Logger) *Handlers {
	return &Handlers{repo: repo, log: log}
}

type createRequest struct {
	HotelID   int64  `json:"hotel_id"`
	RoomID    int64  `json:"room_id"`
	GuestName string `json:"guest_name"`
	CheckIn   string `json:"check_in"`
	CheckOut  string `json:"check_out"`
}

type confirmRequest struct {
	IDs  []int64 `json:"ids"`
	Note string  `json:"note"`
}

var errDates = errors.New("check_out must be after check_in")

func writeJSON[T any](w http.ResponseWriter, status int, v T) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func hotelID(r *http.Request) (int64, error) {
	return strconv.ParseInt(chi.URLParam(r, "hotelID"), 10, 64)
}

// List returns a hotel's bookings in the requested order.
func (h *Handlers) List() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		id, err := hotelID(r)
		if err != nil {
			http.Error(w, "hotel id must be a number", http.StatusBadRequest)
			return
		}
		list, err := h.repo.ListByHotel(r.Context(), id, r.URL.Query().Get("sort"))
		if err != nil {
			h.log.Error("list bookings", "err", err)
			// the database error goes back to the caller verbatim
			http.Error(w, err.Error(), http.StatusInternalServerError) // vuln:exposure
			return
		}
		writeJSON(w, http.StatusOK, list)
	}
}

// SearchGuests is the front desk's name search.
func (h *Handlers) SearchGuests() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimSpace(r.URL.Query().Get("name"))
		if len(name) < 2 {
			// a 400 carrying the handler's own validation text
			http.Error(w, "name must have at least two characters", http.StatusBadRequest) // safe:exposure
			return
		}
		guests, err := h.repo.SearchGuests(r.Context(), name)
		if err != nil {
			h.log.Error("guest search", "err", err)
			// a generic message; the details stay in the log
			writeJSON(w, http.StatusInternalServerError, map[string]string{"error": "search failed"}) // safe:exposure
			return
		}
		writeJSON(w, http.StatusOK, guests)
	}
}

// Create books a room.
func (h *Handlers) Create() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var req createRequest
		// the router applies chi's RequestSize limit to every route
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil { // safe:transport
			http.Error(w, "malformed JSON", http.StatusBadRequest)
			return
		}
		b, err := req.booking()
		if err != nil {
			// the message is the handler's own date check
			writeJSON(w, http.StatusUnprocessableEntity, map[string]string{"error": err.Error()}) // safe:exposure
			return
		}
		b.Code = confirmationCode()
		id, err := h.repo.Create(r.Context(), b)
		if err != nil {
			h.log.Error("create booking", "err", err)
			// %v of the repository error on a 500
			writeJSON(w, http.StatusInternalServerError, map[string]string{"error": fmt.Sprintf("create booking: %v", err)}) // vuln:exposure
			return
		}
		b.ID = id
		writeJSON(w, http.StatusCreated, b)
	}
}

// Confirm confirms bookings in bulk and records the clerk's note.
func (h *Handlers) Confirm() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var req confirmRequest
		// same router-wide RequestSize limit
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil { // safe:transport
			http.Error(w, "malformed JSON", http.StatusBadRequest)
			return
		}
		if err := h.repo.Confirm(r.Context(), req.IDs, req.Note); err != nil {
			h.log.Error("confirm", "err", err)
			http.Error(w, "could not confirm", http.StatusInternalServerError)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	}
}

// Availability lists free rooms; its ETag lets the booking widget cache it.
func (h *Handlers) Availability() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		id, err := hotelID(r)
		if err != nil {
			http.Error(w, "hotel id must be a number", http.StatusBadRequest)
			return
		}
		types := r.URL.Query()["type"]
		slots, err := h.repo.Availability(r.Context(), id, types)
		if err != nil {
			h.log.Error("availability", "err", err)
			http.Error(w, "availability unavailable", http.StatusServiceUnavailable)
			return
		}
		body, _ := json.Marshal(slots)
		// md5 as an ETag: a cache validator, not a security control
		sum := md5.Sum(body) // safe:crypto
		w.Header().Set("ETag", `"`+hex.EncodeToString(sum[:])+`"`)
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(body)
	}
}

func (c createRequest) booking() (Booking, error) {
	in, err := time.Parse(time.DateOnly, c.CheckIn)
	if err != nil {
		return Booking{}, fmt.Errorf("check_in: %w", err)
	}
	out, err := time.Parse(time.DateOnly, c.CheckOut)
	if err != nil {
		return Booking{}, fmt.Errorf("check_out: %w", err)
	}
	if !out.After(in) {
		return Booking{}, errDates
	}
	return Booking{HotelID: c.HotelID, RoomID: c.RoomID, GuestName: c.GuestName, CheckIn: in, CheckOut: out, Status: "pending"}, nil
}

// confirmationCode is what a guest quotes to look a booking up and change
// it without signing in, so it works as a credential.
func confirmationCode() string {
	const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
	b := make([]byte, 8)
	for i := range b {
		// math/rand picks the characters of a credential
		b[i] = alphabet[rand.IntN(len(alphabet))] // vuln:crypto
	}
	return string(b)
}
