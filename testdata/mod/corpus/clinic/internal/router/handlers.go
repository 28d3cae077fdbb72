package router

import (
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net/http"
	"strings"

	"github.com/go-chi/chi/v5"

	"example.com/apivettest/corpus/clinic/internal/store"
	"example.com/apivettest/corpus/clinic/internal/tokens"
)

type handlers struct {
	store  *store.Store
	tokens *tokens.Service
}

func (h *handlers) bearer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		if _, err := h.tokens.Verify([]byte(raw)); err != nil {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (h *handlers) Login(w http.ResponseWriter, r *http.Request) {
	var req struct{ User, Password string }
	// middleware.RequestSize caps the body for the whole router
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil { // safe:transport
		http.Error(w, "malformed request", http.StatusBadRequest)
		return
	}
	tok, err := h.tokens.Clinician(req.User, "general")
	if err != nil {
		w.WriteHeader(http.StatusInternalServerError)
		// the signing error is printed into the response
		fmt.Fprintf(w, "token error: %v", err) // vuln:exposure
		return
	}
	_, _ = w.Write(tok)
}

func (h *handlers) Forgot(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusAccepted) }

func (h *handlers) VerifyMFA(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusNoContent)
}

func (h *handlers) PasswordPolicy(w http.ResponseWriter, r *http.Request) {
	_, _ = w.Write([]byte(`{"min_length":12}`))
}

func (h *handlers) Wards(w http.ResponseWriter, r *http.Request) {
	_, _ = w.Write([]byte(`["A","B","ICU"]`))
}

func (h *handlers) FindPatients(w http.ResponseWriter, r *http.Request) {
	ward, _ := tokens.WardOf(strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer "))
	ps, err := h.store.FindPatients(r.Context(), ward, r.URL.Query().Get("name"))
	if err != nil {
		log.Printf("find patients: %v", err)
		// generic text on the 500
		http.Error(w, "search failed", http.StatusInternalServerError) // safe:exposure
		return
	}
	_ = json.NewEncoder(w).Encode(ps)
}

func (h *handlers) Allergies(w http.ResponseWriter, r *http.Request) {
	codes, err := h.store.Allergies(r.Context(), chi.URLParam(r, "id"), r.URL.Query().Get("codes"))
	if err != nil {
		// the pgx error goes back on a 500
		http.Error(w, err.Error(), http.StatusInternalServerError) // vuln:exposure
		return
	}
	_ = json.NewEncoder(w).Encode(codes)
}

func (h *handlers) Discharge(w http.ResponseWriter, r *http.Request) {
	var req struct{ Note string }
	// RequestSize on the router caps this body too
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil { // safe:transport
		http.Error(w, "malformed request", http.StatusBadRequest)
		return
	}
	if len(req.Note) > 4000 {
		// the handler's own limit, reported as a 400
		http.Error(w, fmt.Sprintf("note is %d characters, the maximum is 4000", len(req.Note)), http.StatusBadRequest) // safe:exposure
		return
	}
	if err := h.store.Discharge(r.Context(), chi.URLParam(r, "id"), req.Note); err != nil {
		http.Error(w, "discharge failed", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

type labHandlers struct {
	store *store.Store
}

type labResult struct {
	PatientID string `json:"patient_id"`
	Test      string `json:"test"`
	Value     string `json:"value"`
}

func (h *labHandlers) Result(w http.ResponseWriter, r *http.Request) {
	var res labResult
	// the labs router has no RequestSize and this decoder has no limit
	if err := json.NewDecoder(r.Body).Decode(&res); err != nil { // vuln:transport
		http.Error(w, "malformed result", http.StatusBadRequest)
		return
	}
	if err := h.store.SaveLabResult(r.Context(), res.PatientID, res.Test, res.Value); err != nil {
		http.Error(w, "store failed", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusAccepted)
}

func (h *labHandlers) Batch(w http.ResponseWriter, r *http.Request) {
	// a LimitReader bounds what is read from the body
	body, err := io.ReadAll(io.LimitReader(r.Body, 8<<20)) // safe:transport
	if err != nil {
		http.Error(w, "read failed", http.StatusBadRequest)
		return
	}
	var results []labResult
	if err := json.Unmarshal(body, &results); err != nil {
		http.Error(w, "malformed batch", http.StatusBadRequest)
		return
	}
	w.WriteHeader(http.StatusAccepted)
}
