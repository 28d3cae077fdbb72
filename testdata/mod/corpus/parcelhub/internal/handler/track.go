package handler

import (
	"crypto/rand"
	"encoding/hex"
	"html/template"
	"log/slog"
	"net/http"
	"sync"

	"github.com/go-chi/chi/v5"

	"example.com/apivettest/corpus/parcelhub/internal/repository"
)

var trackPage = template.Must(template.New("track").Parse(`<!doctype html>
<html><body><h1>Parcel {{.TrackingNumber}}</h1><p>Status: {{.Status}}</p>
<form method="post" action="/track/{{.TrackingNumber}}/instructions"><textarea name="note"></textarea><button>Save</button></form>
</body></html>`))

// Track serves the public tracking pages for recipients.
type Track struct {
	Repo repository.Shipments
	Log  *slog.Logger

	mu       sync.Mutex
	sessions map[string]string
}

func NewTrack(repo repository.Shipments, log *slog.Logger) *Track {
	return &Track{Repo: repo, Log: log, sessions: make(map[string]string)}
}

// Page renders the tracking page and opens a recipient session for the parcel.
func (t *Track) Page(w http.ResponseWriter, r *http.Request) {
	sh, err := t.Repo.ByTracking(r.Context(), chi.URLParam(r, "number"))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	b := make([]byte, 20)
	_, _ = rand.Read(b)
	sid := hex.EncodeToString(b)
	t.mu.Lock()
	t.sessions[sid] = sh.ID
	t.mu.Unlock()
	// the recipient session cookie: no HttpOnly, no Secure, no SameSite
	http.SetCookie(w, &http.Cookie{Name: "recipient_session", Value: sid, Path: "/track"}) // vuln:headers
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_ = trackPage.Execute(w, sh)
}

// RequireSession authenticates recipients by their session cookie.
func (t *Track) RequireSession(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie("recipient_session")
		if err != nil {
			http.Error(w, "no session", http.StatusUnauthorized)
			return
		}
		t.mu.Lock()
		_, ok := t.sessions[c.Value]
		t.mu.Unlock()
		if !ok {
			http.Error(w, "no session", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// Instructions saves delivery instructions ("leave with neighbour").
func (t *Track) Instructions(w http.ResponseWriter, r *http.Request) {
	note := r.PostFormValue("note")
	t.Log.Info("delivery note", "len", len(note))
	http.Redirect(w, r, "/track/"+chi.URLParam(r, "number"), http.StatusSeeOther)
}
