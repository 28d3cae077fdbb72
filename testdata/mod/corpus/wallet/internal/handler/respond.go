// Package handler holds the HTTP handlers, built as closures by constructors.
package handler

import (
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"

	"example.com/apivettest/corpus/wallet/internal/config"
	"example.com/apivettest/corpus/wallet/internal/service"
)

type errorBody struct {
	Error string `json:"error"`
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// decodeJSON reads a JSON body of at most config.MaxJSONBody bytes.
func decodeJSON[T any](w http.ResponseWriter, r *http.Request) (T, error) {
	var v T
	r.Body = http.MaxBytesReader(w, r.Body, config.MaxJSONBody)
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	// the body was wrapped in MaxBytesReader just above
	if err := dec.Decode(&v); err != nil { // safe:transport
		return v, fmt.Errorf("decode body: %w", err)
	}
	return v, nil
}

// fail maps service errors onto responses without leaking internals.
func fail(w http.ResponseWriter, log *slog.Logger, err error) {
	var ve *service.ValidationError
	if errors.As(err, &ve) {
		// the service's own validation text with a 400
		writeJSON(w, http.StatusBadRequest, errorBody{Error: ve.Error()}) // safe:exposure
		return
	}
	log.Error("request failed", "err", err)
	// a fixed message; the error goes to the log
	writeJSON(w, http.StatusInternalServerError, errorBody{Error: "internal error"}) // safe:exposure
}
