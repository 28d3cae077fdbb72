// Package respond holds the response helpers every service of the
// monorepo shares.
package respond

import (
	"encoding/json"
	"log/slog"
	"net/http"
)

// JSON writes v with the status.
func JSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// Error writes the error's text with the caller's status.
func Error(w http.ResponseWriter, status int, err error) {
	JSON(w, status, map[string]string{"error": err.Error()})
}

// Internal answers 500 with the error's text.
func Internal(w http.ResponseWriter, err error) {
	http.Error(w, err.Error(), http.StatusInternalServerError) // want `AV901 medium: err.Error\(\) is written to the client with status 500 by http.Error`
}

// Unavailable answers 503 and keeps the cause in the log.
func Unavailable(w http.ResponseWriter, err error) {
	slog.Error("unavailable", "err", err)
	JSON(w, http.StatusServiceUnavailable, map[string]string{"error": "service unavailable"})
}

// Message writes {"error": msg} with the status.
func Message(w http.ResponseWriter, status int, msg string) {
	JSON(w, status, map[string]string{"error": msg})
}
