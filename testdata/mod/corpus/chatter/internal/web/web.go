// Package web is the server-rendered chatter client for browsers without
// JavaScript: HTML pages, a cookie session and CSRF tokens.
package web

import (
	"crypto/rand"
	"encoding/base64"
	"html/template"
	"log/slog"
	"net/http"
	"time"

	"github.com/gorilla/csrf"
	"github.com/gorilla/mux"
	"github.com/gorilla/sessions"
	"golang.org/x/crypto/bcrypt"

	"example.com/apivettest/corpus/chatter/internal/config"
	"example.com/apivettest/corpus/chatter/internal/secmw"
	"example.com/apivettest/corpus/chatter/internal/store"
	"example.com/apivettest/corpus/chatter/internal/throttle"
)

var pages = template.Must(template.New("room").Parse(`<!doctype html>
<title>{{.Room.Name}}</title>
<form method="post" action="/rooms">{{.CSRF}}<input name="name"><button>Create</button></form>
{{range .Messages}}<p><b>{{.Author}}</b> {{.Body}}</p>{{end}}`))

// UI is the web client.
type UI struct {
	cfg      *config.Config
	store    *store.Store
	sessions *sessions.CookieStore
	attempts *throttle.Attempts
	log      *slog.Logger
}

// New builds the web client.
func New(cfg *config.Config, st *store.Store, log *slog.Logger) *UI {
	// the cookie-signing key is a literal in the source
	cs := sessions.NewCookieStore([]byte("chatter-web-cookie-signing-key-2f9a61c0e7")) // vuln:secrets
	// HttpOnly, Secure and SameSite=Lax on the session cookie
	cs.Options = &sessions.Options{Path: "/", MaxAge: 7 * 24 * 3600, HttpOnly: true, Secure: true, SameSite: http.SameSiteLaxMode} // safe:headers
	return &UI{cfg: cfg, store: st, sessions: cs, attempts: throttle.NewAttempts(5, 15*time.Minute), log: log}
}

// Router builds the web client's router.
func (u *UI) Router() http.Handler {
	// the same header middleware as the API, but these pages are HTML and
	// nothing sends a Content-Security-Policy
	r := mux.NewRouter() // vuln:headers
	r.Use(secmw.Headers)
	r.Use(csrf.Protect([]byte(u.cfg.Web.CSRFKey), csrf.Secure(true), csrf.Path("/")))
	r.HandleFunc("/login", u.loginForm).Methods(http.MethodGet)
	// failed attempts are counted per username and answered with 429
	r.HandleFunc("/login", u.attempts.Guard(u.login)).Methods(http.MethodPost) // safe:ratelimit
	// cookie session, but gorilla/csrf guards every POST on this router
	r.HandleFunc("/rooms", u.requireSession(u.createRoom)).Methods(http.MethodPost) // safe:exposure
	// also under csrf.Protect
	r.HandleFunc("/settings/theme", u.requireSession(u.setTheme)).Methods(http.MethodPost) // safe:exposure
	r.HandleFunc("/rooms/{id}", u.requireSession(u.room)).Methods(http.MethodGet)
	return r
}

func (u *UI) loginForm(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, _ = w.Write([]byte(`<form method="post"><input name="username"><input type="password" name="password">` + string(csrf.TemplateField(r)) + `<button>Sign in</button></form>`))
}

func (u *UI) login(w http.ResponseWriter, r *http.Request) {
	name := r.PostFormValue("username")
	id, hash, err := u.store.UserByName(r.Context(), name)
	if err != nil || bcrypt.CompareHashAndPassword(hash, []byte(r.PostFormValue("password"))) != nil {
		u.attempts.Fail(name)
		http.Error(w, "wrong username or password", http.StatusUnauthorized)
		return
	}
	sess, _ := u.sessions.Get(r, config.SessionCookie)
	sess.Values["uid"] = id
	if err := sess.Save(r, w); err != nil {
		http.Error(w, "could not sign in", http.StatusInternalServerError)
		return
	}
	if r.PostFormValue("remember") == "on" {
		buf := make([]byte, 32)
		_, _ = rand.Read(buf)
		// a long-lived sign-in token in a cookie without HttpOnly, Secure or SameSite
		http.SetCookie(w, &http.Cookie{Name: "remember_token", Value: base64.RawURLEncoding.EncodeToString(buf), Path: "/", MaxAge: 90 * 24 * 3600}) // vuln:headers
	}
	http.Redirect(w, r, "/rooms/1", http.StatusSeeOther)
}

func (u *UI) requireSession(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		sess, err := u.sessions.Get(r, config.SessionCookie)
		if err != nil || sess.Values["uid"] == nil {
			http.Redirect(w, r, "/login", http.StatusSeeOther)
			return
		}
		next(w, r)
	}
}

func (u *UI) createRoom(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, "/rooms/1", http.StatusSeeOther)
}

func (u *UI) setTheme(w http.ResponseWriter, r *http.Request) {
	// a display preference, not a session or token cookie
	http.SetCookie(w, &http.Cookie{Name: "theme", Value: r.PostFormValue("theme"), Path: "/", MaxAge: 365 * 24 * 3600}) // safe:headers
	http.Redirect(w, r, r.Referer(), http.StatusSeeOther)
}

func (u *UI) room(w http.ResponseWriter, r *http.Request) {
	msgs, err := u.store.History(r.Context(), 1, 1<<62-1, 100)
	if err != nil {
		u.log.Error("room page", "err", err)
		http.Error(w, "room unavailable", http.StatusInternalServerError)
		return
	}
	data := map[string]any{"Room": store.Room{Name: "general"}, "Messages": msgs, "CSRF": csrf.TemplateField(r)}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if err := pages.Execute(w, data); err != nil {
		// the template engine's error text ends up in the page
		http.Error(w, "template: "+err.Error(), http.StatusInternalServerError) // vuln:exposure
	}
}
