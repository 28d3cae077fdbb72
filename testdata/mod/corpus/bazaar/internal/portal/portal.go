// Package portal is the server-rendered seller portal.
package portal

import (
	"crypto/rand"
	"encoding/hex"
	"html/template"
	"log/slog"
	"net/http"
	"sync"

	"github.com/justinas/nosurf"

	"example.com/apivettest/corpus/bazaar/internal/catalog"
	"example.com/apivettest/corpus/bazaar/internal/limits"
	"example.com/apivettest/corpus/bazaar/internal/secheaders"
)

var listingsPage = template.Must(template.New("listings").Parse(`<!doctype html><h1>Your listings</h1>
<form method="post" action="/portal/listings"><input type="hidden" name="csrf_token" value="{{.Token}}"><input name="title"><button>Add</button></form>
{{range .Rows}}<p>{{index . "title"}}</p>{{end}}`))

// Portal is the seller portal.
type Portal struct {
	Catalog *catalog.Catalog
	Limits  *limits.Set
	Log     *slog.Logger

	mu       sync.Mutex
	sessions map[string]string
}

// Handler builds the portal.
func (p *Portal) Handler() http.Handler {
	p.sessions = map[string]string{}
	// secheaders.Portal sends HSTS, nosniff and X-Frame-Options, but these
	// HTML pages get no Content-Security-Policy
	mux := http.NewServeMux() // vuln:headers
	mux.HandleFunc("GET /portal/login", p.loginForm)
	// go-limiter's middleware wraps the sign-in handler
	mux.Handle("POST /portal/login", p.Limits.Login.Handle(http.HandlerFunc(p.login))) // safe:ratelimit
	mux.Handle("GET /portal/listings", p.requireSession(p.listings))
	// cookie session, and nosurf wraps the whole portal below
	mux.Handle("POST /portal/listings", p.requireSession(p.createListing)) // safe:exposure
	// same
	mux.Handle("POST /portal/listings/{id}/delete", p.requireSession(p.deleteListing)) // safe:exposure

	csrf := nosurf.New(mux)
	// nosurf's token cookie: HttpOnly, Secure, SameSite=Strict
	csrf.SetBaseCookie(http.Cookie{Path: "/portal", HttpOnly: true, Secure: true, SameSite: http.SameSiteStrictMode}) // safe:headers
	return secheaders.Portal.Wrap(csrf)
}

func (p *Portal) loginForm(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, _ = w.Write([]byte(`<form method="post"><input type="hidden" name="csrf_token" value="` + nosurf.Token(r) + `"><input name="handle"><input type="password" name="password"><button>Sign in</button></form>`))
}

func (p *Portal) login(w http.ResponseWriter, r *http.Request) {
	handle := r.PostFormValue("handle")
	// a presence check: comparing with "" leaks nothing
	if handle == "" || r.PostFormValue("password") == "" { // safe:secrets
		http.Error(w, "handle and password are required", http.StatusBadRequest)
		return
	}
	buf := make([]byte, 24)
	if _, err := rand.Read(buf); err != nil {
		http.Error(w, "try again", http.StatusInternalServerError)
		return
	}
	sid := hex.EncodeToString(buf)
	p.mu.Lock()
	p.sessions[sid] = handle
	p.mu.Unlock()
	// HttpOnly, Secure and SameSite=Lax
	http.SetCookie(w, &http.Cookie{Name: "bz_portal", Value: sid, Path: "/portal", HttpOnly: true, Secure: true, SameSite: http.SameSiteLaxMode}) // safe:headers
	http.Redirect(w, r, "/portal/listings", http.StatusSeeOther)
}

func (p *Portal) requireSession(next http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie("bz_portal")
		if err != nil {
			http.Redirect(w, r, "/portal/login", http.StatusSeeOther)
			return
		}
		p.mu.Lock()
		seller, ok := p.sessions[c.Value]
		p.mu.Unlock()
		if !ok {
			http.Redirect(w, r, "/portal/login", http.StatusSeeOther)
			return
		}
		r.SetPathValue("seller", seller)
		next(w, r)
	})
}

func (p *Portal) listings(w http.ResponseWriter, r *http.Request) {
	rows, err := p.Catalog.BySeller(r.Context(), r.PathValue("seller"))
	if err != nil {
		p.Log.Error("listings", "err", err)
		// the MySQL error ends up on the page
		http.Error(w, err.Error(), http.StatusInternalServerError) // vuln:exposure
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_ = listingsPage.Execute(w, map[string]any{"Rows": rows, "Token": nosurf.Token(r)})
}

func (p *Portal) createListing(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, "/portal/listings", http.StatusSeeOther)
}

func (p *Portal) deleteListing(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, "/portal/listings", http.StatusSeeOther)
}
