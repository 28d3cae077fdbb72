// Package stdapi serves the orders API with net/http and chi.
package stdapi

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"net/http"
	"os"
	"strconv"

	"github.com/go-chi/chi/v5"
)

// Order is a row of the orders table.
type Order struct {
	ID  int64  `json:"id"`
	SKU string `json:"sku"`
	Qty int    `json:"qty"`
}

// Server serves /orders.
type Server struct {
	db *sql.DB
}

func (s *Server) loadOrder(id int64) (*Order, error) {
	var o Order
	if err := s.db.QueryRow("SELECT id, sku, qty FROM orders WHERE id = $1", id).Scan(&o.ID, &o.SKU, &o.Qty); err != nil {
		return nil, fmt.Errorf("scan order %d: %w", id, err)
	}
	return &o, nil
}

func validateOrder(o Order) error {
	if o.Qty <= 0 {
		return errors.New("qty must be positive")
	}
	return nil
}

func checkStock(o Order) error {
	if o.SKU == "" {
		return fmt.Errorf("sku %q is out of stock", o.SKU)
	}
	return nil
}

// Get returns one order.
func (s *Server) Get(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(chi.URLParam(r, "id"), 10, 64)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	o, err := s.loadOrder(id)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError) // want `AV901 medium: err.Error\(\) is written to the client with status 500 by http.Error`
		return
	}
	writeJSON(w, http.StatusOK, o)
}

// Create stores an order.
func (s *Server) Create(w http.ResponseWriter, r *http.Request) {
	var o Order
	if err := json.NewDecoder(r.Body).Decode(&o); err != nil {
		writeError(w, http.StatusBadRequest, err)
		return
	}
	if err := validateOrder(o); err != nil {
		writeError(w, http.StatusUnprocessableEntity, err)
		return
	}
	if err := checkStock(o); err != nil {
		writeError(w, http.StatusServiceUnavailable, err)
		return
	}
	if _, err := s.db.Exec("INSERT INTO orders(sku, qty) VALUES ($1, $2)", o.SKU, o.Qty); err != nil {
		writeError(w, http.StatusInternalServerError, err) // want `AV901 medium: the text of err is written to the client with status 500 by writeError`
		return
	}
	writeJSON(w, http.StatusCreated, o)
}

// Cancel writes the body by hand.
func (s *Server) Cancel(w http.ResponseWriter, r *http.Request) {
	if _, err := s.db.Exec("UPDATE orders SET state = 'cancelled' WHERE id = $1", chi.URLParam(r, "id")); err != nil {
		w.WriteHeader(http.StatusInternalServerError)
		w.Write([]byte("cancel failed: " + err.Error())) // want `AV901 medium: err.Error\(\) is written to the client with status 500 by w.Write`
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// Report formats the error into the body.
func (s *Server) Report(w http.ResponseWriter, r *http.Request) {
	rows, err := s.db.Query("SELECT sku, sum(qty) FROM orders GROUP BY sku")
	if err != nil {
		w.Header().Set("Content-Type", "text/plain")
		w.WriteHeader(http.StatusInternalServerError)
		fmt.Fprintf(w, "report: %v\n", err) // want `AV901 medium: the text of err is written to the client with status 500 by fmt.Fprintf`
		return
	}
	defer rows.Close()
}

// Export encodes an error body by hand.
func (s *Server) Export(w http.ResponseWriter, r *http.Request) {
	f, err := os.Create("/var/export/orders.csv")
	if err != nil {
		w.WriteHeader(http.StatusInternalServerError)
		json.NewEncoder(w).Encode(map[string]string{"error": err.Error()}) // want `AV901 medium: err.Error\(\) is written to the client with status 500 by json.NewEncoder\(...\).Encode`
		return
	}
	defer f.Close()
}

type apiError struct {
	Message string `json:"message"`
}

// Stats uses the JSON helper directly.
func (s *Server) Stats(w http.ResponseWriter, r *http.Request) {
	var n int
	if err := s.db.QueryRow("SELECT count(*) FROM orders").Scan(&n); err != nil {
		writeJSON(w, http.StatusInternalServerError, apiError{Message: err.Error()}) // want `AV901 medium: err.Error\(\) is written to the client with status 500 by writeJSON`
		return
	}
	writeJSON(w, http.StatusOK, map[string]int{"orders": n})
}

// serverError answers 500 with the cause: the helper is what to fix.
func (s *Server) serverError(w http.ResponseWriter, err error) {
	log.Printf("internal: %v", err)
	http.Error(w, "internal error: "+err.Error(), http.StatusInternalServerError) // want `AV901 medium: err.Error\(\) is written to the client with status 500 by http.Error`
}

// Archive and Restore share the helper.
func (s *Server) Archive(w http.ResponseWriter, r *http.Request) {
	if _, err := s.db.Exec("UPDATE orders SET archived = true"); err != nil {
		s.serverError(w, err)
	}
}

// Restore shares the helper.
func (s *Server) Restore(w http.ResponseWriter, r *http.Request) {
	if _, err := s.db.Exec("UPDATE orders SET archived = false"); err != nil {
		s.serverError(w, err)
	}
}

// busy answers 503 with the reason: only the handler's own reasons reach it.
func busy(w http.ResponseWriter, reason error) {
	w.Header().Set("Retry-After", "30")
	http.Error(w, reason.Error(), http.StatusServiceUnavailable)
}

var errMaintenance = errors.New("maintenance window")

// Maintenance answers 503 with its own reasons.
func (s *Server) Maintenance(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("force") == "" {
		busy(w, errMaintenance)
		return
	}
	busy(w, fmt.Errorf("queue is full (%d pending)", 42))
}

// --- safe look-alikes ---

// Logged logs the cause and answers with the status text.
func (s *Server) Logged(w http.ResponseWriter, r *http.Request) {
	if _, err := s.loadOrder(1); err != nil {
		log.Printf("load order: %v", err)
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
		return
	}
}

// NotFound answers 404 with the lookup error.
func (s *Server) NotFound(w http.ResponseWriter, r *http.Request) {
	if _, err := s.loadOrder(2); err != nil {
		writeError(w, http.StatusNotFound, err)
	}
}

// Encode fails while writing the response: the status is already sent.
func (s *Server) Encode(w http.ResponseWriter, r *http.Request) {
	if err := json.NewEncoder(w).Encode(Order{}); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

// Implicit writes the text with the default 200.
func (s *Server) Implicit(w http.ResponseWriter, r *http.Request) {
	if _, err := s.loadOrder(3); err != nil {
		fmt.Fprintf(w, "error: %v", err)
	}
}

// Dev shows the cause in development only.
func (s *Server) Dev(w http.ResponseWriter, r *http.Request) {
	if _, err := s.loadOrder(4); err != nil {
		if os.Getenv("APP_ENV") == "development" {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		http.Error(w, "internal error", http.StatusInternalServerError)
	}
}

// Header answers 400 after a failed status write elsewhere.
func (s *Server) Header(w http.ResponseWriter, r *http.Request) {
	if _, err := s.loadOrder(5); err != nil {
		w.WriteHeader(http.StatusBadRequest)
		w.Write([]byte(err.Error()))
	}
}
