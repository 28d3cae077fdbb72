// Package playground serves the browser query playground.
package playground

import (
	"encoding/json"
	"net/http"

	"github.com/unrolled/secure"

	"example.com/apivettest/corpus/rpcd/internal/corsx"
)

const page = `<!doctype html><title>rpcd playground</title><textarea id="q"></textarea><script src="/static/playground.js"></script>`

type savedQuery struct {
	Name  string `json:"name"`
	Query string `json:"query"`
}

// New builds the playground handler.
func New() http.Handler {
	// HSTS, frame denial and nosniff, but no Content-Security-Policy for an HTML page
	mux := http.NewServeMux() // vuln:headers
	mux.HandleFunc("GET /playground", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte(page))
	})
	// authenticated by the rpcd_session cookie (SameSite=None), with no CSRF check
	mux.HandleFunc("POST /playground/queries", saveQuery) // vuln:exposure
	sec := secure.New(secure.Options{STSSeconds: 31536000, FrameDeny: true, ContentTypeNosniff: true})
	return sec.Handler(corsx.Playground(mux))
}

func saveQuery(w http.ResponseWriter, r *http.Request) {
	if _, err := r.Cookie("rpcd_session"); err != nil {
		http.Error(w, "sign in first", http.StatusUnauthorized)
		return
	}
	var q savedQuery
	// no limit on the saved query's size
	if err := json.NewDecoder(r.Body).Decode(&q); err != nil { // vuln:transport
		http.Error(w, "malformed query", http.StatusBadRequest)
		return
	}
	w.WriteHeader(http.StatusCreated)
}
