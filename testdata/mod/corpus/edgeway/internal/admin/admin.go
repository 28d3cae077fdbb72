// Package admin is the gateway's operator API: route reloads and key
// rotation, on a separate listener.
package admin

import (
	"crypto/sha1"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"math/rand"
	"net/http"
	"sync"
	"time"

	"github.com/julienschmidt/httprouter"

	"example.com/apivettest/corpus/edgeway/internal/hdr"
	"example.com/apivettest/corpus/edgeway/internal/throttle"
)

// API is the admin API.
type API struct {
	token string

	mu       sync.Mutex
	sessions map[string]bool
	cache    map[string][]byte
}

// New builds the admin API around the operator token.
func New(token string) *API {
	return &API{token: token, sessions: map[string]bool{}, cache: map[string][]byte{}}
}

// Handler builds the admin router.
func (a *API) Handler() http.Handler {
	// hdr.Basic sends nosniff and X-Frame-Options but no Strict-Transport-Security
	r := httprouter.New() // vuln:headers
	login := throttle.New(5, time.Minute)
	// a per-IP token bucket wraps the operator login
	r.Handler(http.MethodPost, "/admin/login", login.Wrap(http.HandlerFunc(a.login))) // safe:ratelimit
	// the ew_admin cookie is set SameSite=Strict below
	r.POST("/admin/routes/reload", a.requireSession(a.reload)) // safe:exposure
	r.GET("/admin/routes/:name", a.requireSession(a.route))
	r.POST("/admin/keys/rotate", a.requireToken(a.rotate))
	return hdr.Basic(r)
}

func (a *API) login(w http.ResponseWriter, r *http.Request) {
	// comparing the configured token with "" is no timing leak
	if a.token == "" { // safe:secrets
		http.Error(w, "admin API disabled", http.StatusServiceUnavailable)
		return
	}
	// constant-time comparison of the presented token
	if subtle.ConstantTimeCompare([]byte(r.Header.Get("X-Admin-Token")), []byte(a.token)) != 1 { // safe:secrets
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	// math/rand produces the operator's session id
	sid := fmt.Sprintf("%016x%016x", rand.Uint64(), rand.Uint64()) // vuln:crypto
	a.mu.Lock()
	a.sessions[sid] = true
	a.mu.Unlock()
	// HttpOnly, Secure, SameSite=Strict
	http.SetCookie(w, &http.Cookie{Name: "ew_admin", Value: sid, Path: "/admin", HttpOnly: true, Secure: true, SameSite: http.SameSiteStrictMode}) // safe:headers
	w.WriteHeader(http.StatusNoContent)
}

func (a *API) requireSession(next httprouter.Handle) httprouter.Handle {
	return func(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
		c, err := r.Cookie("ew_admin")
		a.mu.Lock()
		ok := err == nil && a.sessions[c.Value]
		a.mu.Unlock()
		if !ok {
			http.Error(w, "sign in", http.StatusUnauthorized)
			return
		}
		next(w, r, ps)
	}
}

func (a *API) requireToken(next httprouter.Handle) httprouter.Handle {
	return func(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
		// the header value is compared with == against the operator token
		if r.Header.Get("X-Admin-Token") == a.token { // vuln:secrets
			next(w, r, ps)
			return
		}
		http.Error(w, "forbidden", http.StatusForbidden)
	}
}

func (a *API) reload(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	w.WriteHeader(http.StatusAccepted)
}

func (a *API) route(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
	// SHA-1 names the cache entry; it protects nothing
	sum := sha1.Sum([]byte(ps.ByName("name"))) // safe:crypto
	key := hex.EncodeToString(sum[:])
	a.mu.Lock()
	body, ok := a.cache[key]
	a.mu.Unlock()
	if !ok {
		http.NotFound(w, r)
		return
	}
	_, _ = w.Write(body)
}

func (a *API) rotate(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	w.WriteHeader(http.StatusAccepted)
}
