// Package billing serves invoices with the shared respond helpers.
package billing

import (
	"context"
	"encoding/json"
	"io"
	"net/http"

	"example.com/apivettest/exposure/respond"
)

// Invoices is the billing service.
type Invoices interface {
	Charge(ctx context.Context, customer string, cents int64) (string, error)
	Refund(ctx context.Context, id string) error
}

type chargeRequest struct {
	Customer string `json:"customer"`
	Cents    int64  `json:"cents"`
}

// Charge is a handler factory, as chi services write them.
func Charge(svc Invoices) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20))
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		var req chargeRequest
		if err := json.Unmarshal(body, &req); err != nil {
			respond.Message(w, http.StatusBadRequest, err.Error())
			return
		}
		id, err := svc.Charge(r.Context(), req.Customer, req.Cents)
		if err != nil {
			respond.Message(w, http.StatusInternalServerError, "charge failed: "+err.Error()) // want `AV901 medium: err.Error\(\) is written to the client with status 500 by respond.Message`
			return
		}
		respond.JSON(w, http.StatusCreated, map[string]string{"id": id})
	}
}

// Refund answers through the shared helpers.
func Refund(svc Invoices) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := svc.Refund(r.Context(), r.PathValue("id")); err != nil {
			respond.JSON(w, http.StatusBadGateway, map[string]string{"error": err.Error()}) // want `AV901 medium: err.Error\(\) is written to the client with status 502 by respond.JSON`
			return
		}
		w.WriteHeader(http.StatusNoContent)
	}
}

// Void writes the error with the standard library, inside the closure.
func Void(svc Invoices) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := svc.Refund(r.Context(), r.URL.Query().Get("id")); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError) // want `AV901 medium: err.Error\(\) is written to the client with status 500 by http.Error`
		}
	}
}

// --- safe look-alikes ---

// Quiet hands the error value to a helper that may only log it.
func Quiet(svc Invoices) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := svc.Refund(r.Context(), "x"); err != nil {
			respond.Unavailable(w, err)
			return
		}
		if err := svc.Refund(r.Context(), "y"); err != nil {
			respond.Message(w, http.StatusInternalServerError, "refund failed")
		}
	}
}
