// Command notes serves a notes API with the standard library's mux.
package main

import (
	"encoding/json"
	"encoding/xml"
	"io"
	"log"
	"net/http"
	"os"
	"time"
)

type note struct {
	Title string `json:"title" xml:"title"`
	Body  string `json:"body" xml:"body"`
}

type server struct {
	dir string
}

const maxUpload = 64 << 20

func (s *server) createNote(w http.ResponseWriter, r *http.Request) {
	var n note
	if err := json.NewDecoder(r.Body).Decode(&n); err != nil { // want `AV805 medium: json.NewDecoder\(r.Body\).Decode\(&n\) reads the request body of POST /notes with no size limit; wrap the body in http.MaxBytesReader`
		http.Error(w, "bad json", http.StatusBadRequest)
		return
	}
	w.WriteHeader(http.StatusCreated)
}

func (s *server) importXML(w http.ResponseWriter, r *http.Request) {
	dec := xml.NewDecoder(r.Body)
	var n note
	if err := dec.Decode(&n); err != nil { // want `AV805 medium: dec.Decode\(&n\) reads the request body of POST /notes/import`
		http.Error(w, "bad xml", http.StatusBadRequest)
	}
}

func (s *server) attach(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseMultipartForm(maxUpload); err != nil { // want `AV805 medium: r.ParseMultipartForm\(maxUpload\) keeps up to 64 MiB of the upload in memory and nothing bounds the request body of PUT /notes/\{id\}/attachment`
		http.Error(w, "bad form", http.StatusBadRequest)
		return
	}
	f, err := os.Create(s.dir + "/attachment")
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	defer f.Close()
	io.Copy(f, r.Body) // want `AV805 medium: io.Copy\(f, r.Body\) reads the request body of PUT /notes/\{id\}/attachment`
}

// readJSON is the package's decoding helper: the read is reported here,
// once, for every route that reaches it unbounded.
func readJSON(r *http.Request, v any) error {
	body, err := io.ReadAll(r.Body) // want `AV805 medium: io.ReadAll\(r.Body\) reads the request body of PATCH /notes/\{id\}`
	if err != nil {
		return err
	}
	return json.Unmarshal(body, v)
}

func (s *server) updateNote(w http.ResponseWriter, r *http.Request) {
	var n note
	if err := readJSON(r, &n); err != nil {
		http.Error(w, "bad json", http.StatusBadRequest)
	}
}

func (s *server) webhook(w http.ResponseWriter, r *http.Request) {
	//apivet:ignore AV805 the payment provider signs and caps its payloads at 64 KiB upstream
	payload, _ := io.ReadAll(r.Body)
	_ = payload
}

// --- safe look-alikes ---

// limitedJSON bounds the body before decoding: callers are safe.
func limitedJSON(w http.ResponseWriter, r *http.Request, v any) error {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	return json.NewDecoder(r.Body).Decode(v)
}

func (s *server) rename(w http.ResponseWriter, r *http.Request) {
	var n note
	if err := limitedJSON(w, r, &n); err != nil {
		http.Error(w, "bad json", http.StatusBadRequest)
	}
}

func (s *server) share(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	var n note
	if err := json.NewDecoder(r.Body).Decode(&n); err != nil {
		http.Error(w, "bad json", http.StatusBadRequest)
	}
}

func (s *server) comment(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 16<<10))
	if err != nil {
		http.Error(w, "too large", http.StatusRequestEntityTooLarge)
		return
	}
	_ = body
}

func (s *server) avatar(w http.ResponseWriter, r *http.Request) {
	// 10 MiB in memory, the rest on disk: under the 32 MiB threshold.
	if err := r.ParseMultipartForm(10 << 20); err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
	}
}

func (s *server) listNotes(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode([]note{})
}

// proxyLog reads an upstream response, not the request.
func (s *server) proxyLog(w http.ResponseWriter, r *http.Request) {
	resp, err := http.Get("http://logs.internal/latest")
	if err != nil {
		http.Error(w, "upstream", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	w.Write(data)
}

// bulkImport is served through http.MaxBytesHandler.
func (s *server) bulkImport(w http.ResponseWriter, r *http.Request) {
	var ns []note
	_ = json.NewDecoder(r.Body).Decode(&ns)
}

// restore is on the admin mux, wrapped whole.
func (s *server) restore(w http.ResponseWriter, r *http.Request) {
	data, _ := io.ReadAll(r.Body)
	_ = data
}

// drain discards the body and streams a copy upstream: nothing piles up.
func (s *server) drain(w http.ResponseWriter, r *http.Request) {
	pr, pw := io.Pipe()
	go func() {
		_, err := io.Copy(pw, r.Body)
		pw.CloseWithError(err)
	}()
	resp, err := http.Post("http://archive.internal/notes", "application/octet-stream", pr)
	if err == nil {
		resp.Body.Close()
	}
	io.Copy(io.Discard, r.Body)
}

// orphan is registered nowhere: no route, no finding.
func orphan(w http.ResponseWriter, r *http.Request) {
	io.ReadAll(r.Body)
}

var _ = orphan

func main() {
	s := &server{dir: "/var/lib/notes"}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /notes", s.createNote)
	mux.HandleFunc("POST /notes/import", s.importXML)
	mux.HandleFunc("PUT /notes/{id}/attachment", s.attach)
	mux.HandleFunc("PATCH /notes/{id}", s.updateNote)
	mux.HandleFunc("POST /webhooks/payments", s.webhook)
	mux.HandleFunc("POST /notes/{id}/rename", s.rename)
	mux.HandleFunc("POST /notes/{id}/share", s.share)
	mux.HandleFunc("POST /notes/{id}/comments", s.comment)
	mux.HandleFunc("POST /avatar", s.avatar)
	mux.HandleFunc("GET /notes", s.listNotes)
	mux.HandleFunc("GET /logs", s.proxyLog)
	mux.HandleFunc("POST /notes/archive", s.drain)
	mux.Handle("POST /notes/bulk", http.MaxBytesHandler(http.HandlerFunc(s.bulkImport), 1<<20))

	// The admin mux is wrapped whole.
	admin := http.NewServeMux()
	admin.HandleFunc("POST /admin/restore", s.restore)
	go func() {
		srv := &http.Server{Addr: ":9090", Handler: http.MaxBytesHandler(admin, 1<<20), ReadHeaderTimeout: 5 * time.Second}
		log.Fatal(srv.ListenAndServe())
	}()

	srv := &http.Server{Addr: ":8080", Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	log.Fatal(srv.ListenAndServe())
}
