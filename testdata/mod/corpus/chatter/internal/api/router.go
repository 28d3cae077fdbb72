// Package api is chatter's JSON API for the web and mobile clients.
package api

import (
	"net/http"
	"strings"

	"github.com/didip/tollbooth/v7"
	"github.com/didip/tollbooth/v7/limiter"
	"github.com/gorilla/handlers"
	"github.com/gorilla/mux"

	"example.com/apivettest/corpus/chatter/internal/secmw"
	"example.com/apivettest/corpus/chatter/internal/throttle"
)

// Router builds the API router.
func (a *API) Router() *mux.Router {
	// secmw.Headers sends HSTS, nosniff and X-Frame-Options on every response
	r := mux.NewRouter() // safe:headers
	r.Use(secmw.Headers)

	lmt := throttle.NewAPILimiter(1)
	a.mountAuth(r, lmt)
	a.mountRooms(r)
	a.mountEmbed(r)
	a.mountDesktop(r)
	r.HandleFunc("/hooks/bots/{id}", a.BotWebhook).Methods(http.MethodPost)
	r.HandleFunc("/hooks/v2/bots/{id}", a.BotWebhookV2).Methods(http.MethodPost)
	return r
}

func (a *API) mountAuth(r *mux.Router, lmt *limiter.Limiter) {
	// tollbooth wraps the sign-in handler itself
	r.Handle("/api/v1/login", tollbooth.LimitFuncHandler(lmt, a.Login)).Methods(http.MethodPost) // safe:ratelimit
	// account creation has no limiter in its chain
	r.HandleFunc("/api/v1/signup", a.Signup).Methods(http.MethodPost) // vuln:ratelimit

	otp := r.PathPrefix("/api/v1/otp").Subrouter()
	otp.Use(throttle.Middleware(lmt))
	// the OTP subrouter carries the tollbooth middleware
	otp.HandleFunc("/verify", a.VerifyOTP).Methods(http.MethodPost) // safe:ratelimit

	// reset codes can be tried without limit
	r.HandleFunc("/api/v1/password/reset", a.ResetPassword).Methods(http.MethodPost) // vuln:ratelimit
	// the old mobile app's sign-in endpoint, never given a limiter
	r.HandleFunc("/api/v1/legacy/auth", a.LegacyAuth).Methods(http.MethodPost) // vuln:ratelimit
}

func (a *API) mountRooms(r *mux.Router) {
	s := r.PathPrefix("/api/v1").Subrouter()
	// first-party origins from config, with credentials
	s.Use(handlers.CORS( // safe:cors
		handlers.AllowedOrigins(a.cfg.CORS.Origins),
		handlers.AllowedHeaders([]string{"Authorization", "Content-Type"}),
		handlers.AllowedMethods([]string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodDelete}),
		handlers.AllowCredentials(),
	))
	s.Use(a.requireBearer)
	// a list of the caller's bot tokens: a GET behind the bearer check, not a credential endpoint
	s.HandleFunc("/tokens/bots", a.ListBotTokens).Methods(http.MethodGet) // safe:ratelimit
	s.HandleFunc("/rooms", a.SearchRooms).Methods(http.MethodGet)
	// bearer-authenticated: a forged cross-site form cannot add the header
	s.HandleFunc("/rooms/{id}/messages", a.PostMessage).Methods(http.MethodPost) // safe:exposure
	s.HandleFunc("/rooms/{id}/messages", a.History).Methods(http.MethodGet)
	s.HandleFunc("/rooms/{id}/members/{uid}/role", a.SetRole).Methods(http.MethodPut)
	s.HandleFunc("/rooms/{id}/join-code", a.JoinCode).Methods(http.MethodPost)
	s.HandleFunc("/rooms/{id}/attachments", a.UploadAttachment).Methods(http.MethodPost)
	s.HandleFunc("/me/avatar", a.UploadAvatar).Methods(http.MethodPut)
	s.HandleFunc("/rooms/{id}/import", a.ImportArchive).Methods(http.MethodPost)
	s.HandleFunc("/moderation/authors/{name}", a.AuthorStats).Methods(http.MethodGet)
}

func (a *API) mountEmbed(r *mux.Router) {
	e := r.PathPrefix("/embed").Subrouter()
	// read-only public widget: any origin, no credentials
	e.Use(handlers.CORS(handlers.AllowedOrigins([]string{"*"}), handlers.AllowedMethods([]string{http.MethodGet}))) // safe:cors
	e.HandleFunc("/rooms/{id}/preview", a.Preview).Methods(http.MethodGet)
}

func (a *API) mountDesktop(r *mux.Router) {
	d := r.PathPrefix("/desktop").Subrouter()
	// "chatter.app" anywhere in the origin passes: https://chatter.app.evil.io too
	d.Use(handlers.CORS( // vuln:cors
		handlers.AllowedOriginValidator(func(origin string) bool {
			return strings.Contains(origin, "chatter.app")
		}),
		handlers.AllowCredentials(),
	))
	d.Use(a.requireBearer)
	d.HandleFunc("/rooms", a.SearchRooms).Methods(http.MethodGet)
}
