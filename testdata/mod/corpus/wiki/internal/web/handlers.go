package web

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"html/template"
	"io"
	"log"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/gorilla/mux"
	"github.com/gorilla/sessions"

	"example.com/apivettest/corpus/wiki/internal/apitoken"
	"example.com/apivettest/corpus/wiki/internal/pages"
)

type wikiHandlers struct {
	store     *pages.Store
	sessions  *sessions.CookieStore
	uploadDir string
	tmpl      *template.Template
}

func (h *wikiHandlers) requireUser(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s, _ := h.sessions.Get(r, "wiki_session")
		if _, ok := s.Values["user"].(string); !ok {
			http.Redirect(w, r, "/login", http.StatusSeeOther)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (h *wikiHandlers) requireAdmin(next http.Handler) http.Handler {
	return h.requireUser(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s, _ := h.sessions.Get(r, "wiki_session")
		if s.Values["role"] != "admin" {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	}))
}

func (h *wikiHandlers) requireBot(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		if _, err := apitoken.Verify(raw); err != nil {
			http.Error(w, "invalid token", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (h *wikiHandlers) LoginPage(w http.ResponseWriter, r *http.Request) {
	_, _ = io.WriteString(w, `<form method="post"><input name="user"><input type="password" name="password"></form>`)
}

func (h *wikiHandlers) Login(w http.ResponseWriter, r *http.Request) {
	s, _ := h.sessions.Get(r, "wiki_session")
	s.Values["user"] = r.PostFormValue("user")
	_ = s.Save(r, w)
	http.Redirect(w, r, "/pages/home", http.StatusSeeOther)
}

func (h *wikiHandlers) Signup(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusCreated)
}

func (h *wikiHandlers) Show(w http.ResponseWriter, r *http.Request) {
	p, err := h.store.BySlug(r.Context(), mux.Vars(r)["slug"])
	if err != nil {
		http.NotFound(w, r)
		return
	}
	// SHA-1 as an ETag
	sum := sha1.Sum([]byte(p.Body)) // safe:crypto
	w.Header().Set("ETag", `"`+hex.EncodeToString(sum[:])+`"`)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if err := h.tmpl.Execute(w, p); err != nil {
		// the template error, with file and field names, on a 500
		http.Error(w, fmt.Sprintf("render: %v", err), http.StatusInternalServerError) // vuln:exposure
	}
}

func (h *wikiHandlers) Save(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Content-Type") == "application/json" {
		// the JSON variant reads the whole body with no limit
		body, err := io.ReadAll(r.Body) // vuln:transport
		if err != nil {
			http.Error(w, "read failed", http.StatusBadRequest)
			return
		}
		_ = h.store.Save(r.Context(), mux.Vars(r)["slug"], "api", string(body))
		return
	}
	if err := h.store.Save(r.Context(), mux.Vars(r)["slug"], "web", r.PostFormValue("body")); err != nil {
		log.Printf("save: %v", err)
		http.Error(w, "could not save the page", http.StatusInternalServerError)
		return
	}
	http.Redirect(w, r, r.URL.Path, http.StatusSeeOther)
}

func (h *wikiHandlers) Upload(w http.ResponseWriter, r *http.Request) {
	// a gigabyte kept in memory before spilling to disk, and no MaxBytesReader
	if err := r.ParseMultipartForm(1 << 30); err != nil { // vuln:transport
		http.Error(w, "bad upload", http.StatusBadRequest)
		return
	}
	f, hdr, err := r.FormFile("file")
	if err != nil {
		http.Error(w, "file is required", http.StatusBadRequest)
		return
	}
	defer f.Close()
	// the browser's file name decides where the file is written
	dst, err := os.Create(filepath.Join(h.uploadDir, mux.Vars(r)["slug"], hdr.Filename)) // vuln:exposure
	if err != nil {
		http.Error(w, "cannot store file", http.StatusInternalServerError)
		return
	}
	defer dst.Close()
	_, _ = io.Copy(dst, f)
	w.WriteHeader(http.StatusCreated)
}

func (h *wikiHandlers) UploadImage(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 10<<20)
	// the body is capped at 10 MiB first
	if err := r.ParseMultipartForm(10 << 20); err != nil { // safe:transport
		http.Error(w, "bad upload", http.StatusBadRequest)
		return
	}
	f, hdr, err := r.FormFile("image")
	if err != nil {
		http.Error(w, "image is required", http.StatusBadRequest)
		return
	}
	defer f.Close()
	// only the base name is kept
	dst, err := os.Create(filepath.Join(h.uploadDir, "images", filepath.Base(hdr.Filename))) // safe:exposure
	if err != nil {
		http.Error(w, "cannot store image", http.StatusInternalServerError)
		return
	}
	defer dst.Close()
	_, _ = io.Copy(dst, f)
	w.WriteHeader(http.StatusCreated)
}

func (h *wikiHandlers) SetRole(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(mux.Vars(r)["id"], 10, 64)
	if err != nil {
		// the handler's own parse of the path, as a 400
		http.Error(w, "user id must be a number", http.StatusBadRequest) // safe:exposure
		return
	}
	if err := h.store.SetRole(r.Context(), id, r.PostFormValue("role")); err != nil {
		http.Error(w, "update failed", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (h *wikiHandlers) Delete(w http.ResponseWriter, r *http.Request) {
	if err := h.store.Delete(r.Context(), mux.Vars(r)["slug"]); err != nil {
		http.Error(w, "delete failed", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (h *wikiHandlers) Search(w http.ResponseWriter, r *http.Request) {
	rows, err := h.store.Search(r.Context(), r.URL.Query().Get("q"))
	if err != nil {
		w.WriteHeader(http.StatusInternalServerError)
		// the MySQL error goes to the bot
		_, _ = io.WriteString(w, err.Error()) // vuln:exposure
		return
	}
	defer rows.Close()
	n, _ := h.store.CountMatching(r.Context(), r.URL.Query().Get("q"))
	fmt.Fprintf(w, `{"total":%d}`, n)
}

func (h *wikiHandlers) Untag(w http.ResponseWriter, r *http.Request) {
	v := mux.Vars(r)
	id, _ := strconv.ParseInt(v["slug"], 10, 64)
	if err := h.store.Untag(r.Context(), id, v["tag"]); err != nil {
		http.Error(w, "untag failed", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
