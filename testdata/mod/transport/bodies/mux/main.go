// Command inventory serves stock levels with gorilla/mux.
package main

import (
	"encoding/json"
	"io"
	"log"
	"net/http"
	"time"

	"github.com/gorilla/mux"
)

type item struct {
	SKU   string `json:"sku"`
	Count int    `json:"count"`
}

// maxBody bounds every request body of the router it is used on.
func maxBody(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
		next.ServeHTTP(w, r)
	})
}

type app struct{}

func (a *app) adjust(w http.ResponseWriter, r *http.Request) {
	var it item
	_ = json.NewDecoder(r.Body).Decode(&it)
}

func (a *app) restock(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body) // want `AV805 medium: io.ReadAll\(r.Body\) reads the request body of POST /internal/restock with no size limit`
	_ = body
}

func (a *app) count(w http.ResponseWriter, r *http.Request) {
	var it item
	_ = json.NewDecoder(r.Body).Decode(&it)
}

func main() {
	a := &app{}
	r := mux.NewRouter()

	api := r.PathPrefix("/api").Subrouter()
	api.Use(maxBody)
	api.HandleFunc("/items/{sku}", a.adjust).Methods(http.MethodPost)
	// A GET route never carries a body the handler reads on purpose.
	r.HandleFunc("/items/{sku}/count", a.count).Methods(http.MethodGet)

	internal := r.PathPrefix("/internal").Subrouter()
	internal.HandleFunc("/restock", a.restock).Methods(http.MethodPost)

	srv := &http.Server{Addr: ":8080", Handler: r, ReadHeaderTimeout: 5 * time.Second}
	log.Fatal(srv.ListenAndServe())
}
