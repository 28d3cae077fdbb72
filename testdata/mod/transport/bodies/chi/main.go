// Command media serves uploads with chi.
package main

import (
	"encoding/json"
	"io"
	"log"
	"net/http"
	"os"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	"example.com/apivettest/transport/bodies/limits"
)

type album struct {
	Name string `json:"name"`
}

func createAlbum(w http.ResponseWriter, r *http.Request) {
	var a album
	_ = json.NewDecoder(r.Body).Decode(&a)
}

func uploadPhoto(w http.ResponseWriter, r *http.Request) {
	f, err := os.CreateTemp("", "photo-*")
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	defer f.Close()
	io.Copy(f, r.Body) // want `AV805 medium: io.Copy\(f, r.Body\) reads the request body of POST /raw/photos with no size limit; add middleware.RequestSize\(n\) to the router`
}

func tagPhoto(w http.ResponseWriter, r *http.Request) {
	var a album
	_ = json.NewDecoder(r.Body).Decode(&a)
}

func importAlbum(w http.ResponseWriter, r *http.Request) {
	var a album
	_ = json.NewDecoder(r.Body).Decode(&a)
}

func main() {
	r := chi.NewRouter()
	r.Use(middleware.RequestID, middleware.Logger)

	// The API is bounded as a whole.
	r.Route("/api", func(api chi.Router) {
		api.Use(middleware.RequestSize(1 << 20))
		api.Post("/albums", createAlbum)
	})

	// Raw uploads are not.
	r.Post("/raw/photos", uploadPhoto)

	// Bounded per route, with chi's With and with the module's middleware.
	r.With(middleware.RequestSize(32<<10)).Post("/raw/tags", tagPhoto)
	r.With(limits.Body(1<<20)).Post("/raw/import", importAlbum)

	srv := &http.Server{Addr: ":8080", Handler: r, ReadHeaderTimeout: 5 * time.Second}
	log.Fatal(srv.ListenAndServe())
}
