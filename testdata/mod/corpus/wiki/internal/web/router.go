// Package web is the wiki's gorilla/mux layer.
package web

import (
	"html/template"
	"net/http"
	"regexp"
	"time"

	"github.com/didip/tollbooth/v7"
	"github.com/didip/tollbooth/v7/limiter"
	"github.com/gorilla/csrf"
	"github.com/gorilla/handlers"
	"github.com/gorilla/mux"
	"github.com/gorilla/sessions"

	"example.com/apivettest/corpus/wiki/internal/config"
	"example.com/apivettest/corpus/wiki/internal/pages"
	"example.com/apivettest/corpus/wiki/internal/webmw"
)

var embedOrigin = regexp.MustCompile(`https://[a-z]+\.partner\.example`)

// New assembles the wiki: HTML pages, an admin area, a bot API and an embed endpoint.
func New(cfg config.Config, st *pages.Store) http.Handler {
	store := sessions.NewCookieStore(cfg.SessionKey)
	// the session cookie is HttpOnly and Secure but has no SameSite
	store.Options = &sessions.Options{Path: "/", MaxAge: 7 * 86400, HttpOnly: true, Secure: true} // vuln:headers
	h := &wikiHandlers{store: st, sessions: store, uploadDir: cfg.UploadDir, tmpl: template.Must(template.New("page").Parse(`<h1>{{.Title}}</h1>{{.Body}}`))}

	// webmw.Headers sends no nosniff, and this router renders HTML
	r := mux.NewRouter() // vuln:headers
	r.Use(webmw.Headers)

	lmt := tollbooth.NewLimiter(0.2, &limiter.ExpirableOptions{DefaultExpirationTTL: time.Hour})
	// the login form page is a GET: nothing to guess
	r.HandleFunc("/login", h.LoginPage).Methods(http.MethodGet) // safe:ratelimit
	// tollbooth wraps the login handler
	r.Handle("/login", tollbooth.LimitFuncHandler(lmt, h.Login)).Methods(http.MethodPost) // safe:ratelimit
	// sign-up has no limiter
	r.HandleFunc("/signup", h.Signup).Methods(http.MethodPost) // vuln:ratelimit

	pagesR := r.PathPrefix("/pages").Subrouter()
	// an explicit origin list with credentials
	pagesR.Use(handlers.CORS(handlers.AllowedOrigins(cfg.Origins), handlers.AllowCredentials())) // safe:cors
	pagesR.Use(h.requireUser, csrf.Protect(cfg.CSRFKey, csrf.Secure(true)))
	pagesR.HandleFunc("/{slug}", h.Show).Methods(http.MethodGet)
	// cookie session, protected by gorilla/csrf
	pagesR.HandleFunc("/{slug}", h.Save).Methods(http.MethodPost) // safe:exposure
	// the same gorilla/csrf protection
	pagesR.HandleFunc("/{slug}/attachments", h.Upload).Methods(http.MethodPost) // safe:exposure
	// the same gorilla/csrf protection
	pagesR.HandleFunc("/{slug}/images", h.UploadImage).Methods(http.MethodPost) // safe:exposure

	admin := r.PathPrefix("/admin").Subrouter()
	admin.Use(h.requireAdmin)
	// cookie session without SameSite, and no CSRF middleware on /admin
	admin.HandleFunc("/users/{id}/role", h.SetRole).Methods(http.MethodPost) // vuln:exposure
	// the same admin chain without CSRF
	admin.HandleFunc("/pages/{slug}", h.Delete).Methods(http.MethodDelete) // vuln:exposure

	api := r.PathPrefix("/api/v1").Subrouter()
	// "*" together with credentials
	api.Use(handlers.CORS(handlers.AllowedOrigins([]string{"*"}), handlers.AllowCredentials())) // vuln:cors
	api.Use(h.requireBot)
	api.HandleFunc("/search", h.Search).Methods(http.MethodGet)
	// bots authenticate with a bearer token
	api.HandleFunc("/pages/{slug}/tags/{tag}", h.Untag).Methods(http.MethodDelete) // safe:exposure

	embed := r.PathPrefix("/embed").Subrouter()
	// the pattern is unanchored: https://a.partner.example.evil.io matches
	embed.Use(handlers.CORS(handlers.AllowedOriginValidator(embedOrigin.MatchString), handlers.AllowCredentials())) // vuln:cors
	embed.HandleFunc("/{slug}", h.Show).Methods(http.MethodGet)
	return r
}
