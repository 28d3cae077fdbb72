// Package httpx holds the JSON response helpers of the platform's
// net/http services.
package httpx

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
)

// JSON writes v with the status.
func JSON(w http.ResponseWriter, status int, v any) { // want JSON:`respond param 2 status param 1$`
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// Error writes the error's text with the caller's status.
func Error(w http.ResponseWriter, status int, err error) { // want Error:`respond param 2 text status param 1$`
	JSON(w, status, map[string]string{"error": err.Error()})
}

// Message writes {"error": msg} with the caller's status.
func Message(w http.ResponseWriter, status int, msg string) { // want Message:`respond param 2 status param 1$`
	body := map[string]string{"error": msg}
	JSON(w, status, body)
}

// Internal answers 500 with the error's text.
func Internal(w http.ResponseWriter, err error) { // want Internal:`respond param 1 text status 500$`
	http.Error(w, err.Error(), http.StatusInternalServerError)
}

// Unavailable answers 503 with the cause, through an unexported helper.
func Unavailable(w http.ResponseWriter, err error) { // want Unavailable:`respond param 1 text status 503$`
	writeErr(w, http.StatusServiceUnavailable, fmt.Errorf("upstream: %w", err))
}

func writeErr(w http.ResponseWriter, status int, err error) {
	w.WriteHeader(status)
	fmt.Fprintf(w, "error: %v\n", err)
}

// Responder carries the service name into problem documents.
type Responder struct{ Service string }

// Problem writes an RFC 7807 document with the caller's detail.
func (r Responder) Problem(w http.ResponseWriter, status int, detail string) { // want Problem:`respond param 2 status param 1$`
	JSON(w, status, problem{Title: r.Service, Detail: detail})
}

type problem struct {
	Title  string `json:"title"`
	Detail string `json:"detail"`
}

// --- no facts ---

// BadRequest answers 400: a client error, not recorded.
func BadRequest(w http.ResponseWriter, msg string) {
	JSON(w, http.StatusBadRequest, map[string]string{"error": msg})
}

// Fail logs the cause and answers with a generic text.
func Fail(w http.ResponseWriter, err error) {
	slog.Error("request failed", "err", err)
	JSON(w, http.StatusInternalServerError, map[string]string{"error": "internal error"})
}

// Encode writes an error value as JSON: {} for errors without fields.
func Encode(w http.ResponseWriter, status int, err error) {
	JSON(w, status, map[string]any{"error": err})
}

// Async writes from a goroutine's closure: not the helper's own write.
func Async(w http.ResponseWriter, err error) {
	done := make(chan struct{})
	go func() {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		close(done)
	}()
	<-done
}

// Audit records a failed request; it writes nothing to the client.
func Audit(w http.ResponseWriter, status int, msg string) {
	slog.Warn("request failed", "status", status, "msg", msg)
	w.Header().Set("X-Audited", "1")
}
