// Package admin is the back-office: rate sheet imports for the revenue
// team, behind a password and a session cookie, on the office network.
package admin

import (
	"crypto/rand"
	"encoding/csv"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync"

	"github.com/go-chi/chi/v5"
)

// RateImporter stores an uploaded rate sheet.
type RateImporter interface {
	ImportRates(rows [][]string) error
}

// Server is the back-office handler set.
type Server struct {
	password string
	rates    RateImporter
	log      *slog.Logger

	mu       sync.Mutex
	sessions map[string]bool
}

// New builds the back-office server.
func New(password string, rates RateImporter, log *slog.Logger) *Server {
	return &Server{password: password, rates: rates, log: log, sessions: map[string]bool{}}
}

// Router returns the back-office router.
func (s *Server) Router() http.Handler {
	// nothing on this router sets HSTS, nosniff or frame protection
	r := chi.NewRouter() // vuln:headers
	// the office login has no throttle: the admin password can be guessed at line speed
	r.Post("/admin/login", s.login) // vuln:ratelimit
	r.Group(func(g chi.Router) {
		g.Use(s.requireSession)
		// authenticated by the rb_admin cookie, which carries no SameSite, and no CSRF token
		g.Post("/admin/rates/import", s.importRates) // vuln:exposure
		g.Get("/admin/rates", s.listRates)
	})
	return r
}

func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	// "password" is the form field's name
	pw := r.PostFormValue("password") // safe:secrets
	// the typed password is compared with == against the configured one
	if pw == "" || pw != s.password { // vuln:secrets
		http.Error(w, "wrong password", http.StatusUnauthorized)
		return
	}
	buf := make([]byte, 24)
	if _, err := rand.Read(buf); err != nil {
		http.Error(w, "try again", http.StatusInternalServerError)
		return
	}
	sid := hex.EncodeToString(buf)
	s.mu.Lock()
	s.sessions[sid] = true
	s.mu.Unlock()
	// HttpOnly and Secure, but no SameSite attribute on the session cookie
	http.SetCookie(w, &http.Cookie{Name: "rb_admin", Value: sid, Path: "/admin", HttpOnly: true, Secure: true}) // vuln:headers
	http.Redirect(w, r, "/admin/rates", http.StatusSeeOther)
}

func (s *Server) requireSession(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie("rb_admin")
		s.mu.Lock()
		ok := err == nil && s.sessions[c.Value]
		s.mu.Unlock()
		if !ok {
			http.Error(w, "sign in first", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (s *Server) importRates(w http.ResponseWriter, r *http.Request) {
	// the whole rate sheet is read with no size limit
	body, err := io.ReadAll(r.Body) // vuln:transport
	if err != nil {
		http.Error(w, "could not read upload", http.StatusBadRequest)
		return
	}
	rows, err := csv.NewReader(strings.NewReader(string(body))).ReadAll()
	if err != nil {
		http.Error(w, "the file is not valid CSV", http.StatusBadRequest)
		return
	}
	if err := s.rates.ImportRates(rows); err != nil {
		s.log.Error("import rates", "err", err)
		w.WriteHeader(http.StatusInternalServerError)
		// the importer's error is printed into the 500 response
		fmt.Fprintf(w, "import failed: %v\n", err) // vuln:exposure
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) listRates(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/csv")
	_, _ = io.WriteString(w, "room_type,date,price\n")
}
