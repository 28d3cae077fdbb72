// Package handler holds parcelhub's HTTP handlers.
package handler

import (
	"encoding/json"
	"log/slog"
	"net/http"
)

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

type problem struct {
	Title  string `json:"title"`
	Status int    `json:"status"`
	Detail string `json:"detail,omitempty"`
}

func internal(w http.ResponseWriter, log *slog.Logger, err error) {
	log.Error("internal error", "err", err)
	// fixed title, no detail
	writeJSON(w, http.StatusInternalServerError, problem{Title: "internal error", Status: 500}) // safe:exposure
}

func invalid(w http.ResponseWriter, detail string) {
	// the handler's own validation text with a 422
	writeJSON(w, http.StatusUnprocessableEntity, problem{Title: "invalid request", Status: 422, Detail: detail}) // safe:exposure
}
