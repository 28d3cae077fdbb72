package requests // want package:"cookies sets-session samesite names\\[console,session_id=lax\\]"

// Package requests exports middleware and helpers whose request handling
// (body reads and limits, credentials, cross-site checks) crosses packages.

import (
	"encoding/json"
	"io"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/gorilla/sessions"
)

// Decode reads the whole body with no limit.
func Decode(r *http.Request, v any) error { // want Decode:`middleware reads\[json.NewDecoder\(r.Body\).Decode\(v\)@requests.go:17\]`
	return json.NewDecoder(r.Body).Decode(v)
}

// Bind reads through gin and through Decode.
func Bind(c *gin.Context, v any) error { // want Bind:`middleware reads\[c.ShouldBindJSON\(v\)@requests.go:22; json.NewDecoder\(r.Body\).Decode\(v\)@requests.go:17\]`
	if err := c.ShouldBindJSON(v); err != nil {
		return err
	}
	return Decode(c.Request, v)
}

// DecodeLimited bounds the body first: no read left.
func DecodeLimited(w http.ResponseWriter, r *http.Request, v any) error { // want DecodeLimited:`middleware body-limit$`
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	return Decode(r, v)
}

// LimitBody is a body-limit middleware.
func LimitBody(next http.Handler) http.Handler { // want LimitBody:`middleware body-limit$`
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = io.NopCloser(io.LimitReader(r.Body, 1<<20))
		next.ServeHTTP(w, r)
	})
}

// RequireUser identifies the caller by the session cookie.
func RequireUser(next http.Handler) http.Handler { // want RequireUser:`middleware creds\[session,lax-cookie\]$`
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := r.Cookie("session_id"); err != nil {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// Store loads gorilla sessions.
type Store struct{ s sessions.Store }

// User reads the user of the session.
func (st *Store) User(r *http.Request) string { // want User:`middleware creds\[session\]$`
	sess, _ := st.s.Get(r, "app")
	uid, _ := sess.Values["uid"].(string)
	return uid
}

// Login writes the session: it identifies nobody.
func (st *Store) Login(w http.ResponseWriter, r *http.Request) {
	sess, _ := st.s.Get(r, "app")
	sess.Values["uid"] = r.FormValue("user")
	_ = sess.Save(r, w)
}

// APIKey authenticates by a header.
func APIKey(next http.Handler) http.Handler { // want APIKey:`middleware creds\[header\]$`
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-API-Key") == "" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// SameOrigin rejects cross-site requests.
func SameOrigin(next http.Handler) http.Handler { // want SameOrigin:`middleware csrf$`
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Sec-Fetch-Site") == "cross-site" {
			w.WriteHeader(http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// Cookie sets the session cookie: SameSite=Lax, the package fact.
func Cookie(w http.ResponseWriter, id string) {
	http.SetCookie(w, &http.Cookie{Name: "session_id", Value: id, HttpOnly: true, SameSite: http.SameSiteLaxMode})
}

// Logout clears the session cookie: a deletion sets no SameSite=None
// cookie.
func Logout(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: "session_id", Value: "", MaxAge: -1})
}

// ConsoleCookie sets the console's cookie without SameSite; its name
// says nothing, HttpOnly makes it a session cookie.
func ConsoleCookie(w http.ResponseWriter, id string) {
	http.SetCookie(w, &http.Cookie{Name: "console", Value: id, HttpOnly: true, Secure: true})
}

// Console identifies the caller by that cookie.
func Console(next http.Handler) http.Handler { // want Console:`middleware creds\[session,loose-cookie\]$`
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := r.Cookie("console"); err != nil {
			http.Redirect(w, r, "/", http.StatusFound)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// Rejecting identifies the caller by a cookie it does not set, whose
// absence it answers with 401.
func Rejecting(next http.Handler) http.Handler { // want Rejecting:`middleware creds\[session\]$`
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := r.Cookie("ops_desk"); err != nil {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// Locale reads a preference cookie next to a 403: no credential.
func Locale(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if c, err := r.Cookie("locale"); err == nil && c.Value == "xx" {
			w.WriteHeader(http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// Idempotent reads a header that is no credential.
func Idempotent(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_ = r.Header.Get("Idempotency-Key")
		next.ServeHTTP(w, r)
	})
}

// Items serves a collection the old way.
func Items(w http.ResponseWriter, r *http.Request) { // want Items:`middleware unsafe-methods$`
	switch r.Method {
	case http.MethodGet:
	case http.MethodPost, http.MethodDelete:
	}
}
