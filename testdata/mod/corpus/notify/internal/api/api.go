// Package api is the notifier's httprouter layer.
package api

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/julienschmidt/httprouter"

	"example.com/apivettest/corpus/notify/internal/config"
	"example.com/apivettest/corpus/notify/internal/limits"
	"example.com/apivettest/corpus/notify/internal/secmw"
	"example.com/apivettest/corpus/notify/internal/tokens"
	"example.com/apivettest/corpus/notify/internal/webhooks"
)

// API holds the handlers' dependencies.
type API struct {
	tokens   *tokens.Service
	mu       sync.Mutex
	sessions map[string]string
}

// Router builds the notifier's router and wraps it in the header middleware.
func Router(cfg config.Config, ts *tokens.Service) (http.Handler, error) {
	a := &API{tokens: ts, sessions: map[string]string{}}
	wh := &webhooks.Receiver{ProviderToken: cfg.ProviderToken, SigningKey: cfg.TokenKey}
	perIP, err := limits.PerIP(5, time.Minute)
	if err != nil {
		return nil, err
	}
	guard := limits.NewAttemptGuard(5, 15*time.Minute)
	cop := http.NewCrossOriginProtection()

	// every response is wrapped in secmw.Headers below
	router := httprouter.New() // safe:headers
	// sethvargo/go-limiter wraps the handler
	router.Handler(http.MethodPost, "/login", perIP.Handle(http.HandlerFunc(a.Login))) // safe:ratelimit
	// the same sethvargo limiter
	router.Handler(http.MethodPost, "/otp/send", perIP.Handle(http.HandlerFunc(a.SendOTP))) // safe:ratelimit
	// AttemptGuard (another package) counts attempts and answers 429
	router.Handler(http.MethodPost, "/password/forgot", guard.Wrap(http.HandlerFunc(a.Forgot))) // safe:ratelimit
	// the dashboard login has no limiter
	router.POST("/dashboard/login", a.DashboardLogin) // vuln:ratelimit

	// cookie session (no SameSite) and no CSRF protection
	router.Handler(http.MethodPost, "/dashboard/subscriptions", a.dashboard(http.HandlerFunc(a.Subscribe))) // vuln:exposure
	// http.CrossOriginProtection in front of the cookie session
	router.Handler(http.MethodPost, "/dashboard/templates", cop.Handler(a.dashboard(http.HandlerFunc(a.SaveTemplate)))) // safe:exposure

	router.Handler(http.MethodPost, "/v1/messages", secmw.TenantCORS(a.bearer(http.HandlerFunc(a.Send))))
	router.Handler(http.MethodGet, "/v1/console/stats", secmw.PartnerCORS(a.bearer(http.HandlerFunc(a.Stats))))
	router.Handler(http.MethodGet, "/status/badge", secmw.StatusCORS(http.HandlerFunc(a.Badge)))
	router.HandlerFunc(http.MethodPost, "/hooks/sms", wh.SMS)
	router.HandlerFunc(http.MethodPost, "/hooks/mail", wh.Mail)
	return secmw.Headers(router), nil
}

func (a *API) bearer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := a.tokens.Verify(strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")); err != nil {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (a *API) dashboard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie("notify_dash")
		if err != nil {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		a.mu.Lock()
		_, ok := a.sessions[c.Value]
		a.mu.Unlock()
		if !ok {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// Login is the API login for tenant backends.
func (a *API) Login(w http.ResponseWriter, r *http.Request) {
	var req struct{ Tenant, Secret string }
	r.Body = http.MaxBytesReader(w, r.Body, 4096)
	// capped by MaxBytesReader on the line above
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil { // safe:transport
		http.Error(w, "malformed request", http.StatusBadRequest)
		return
	}
	tok, err := a.tokens.Access(req.Tenant)
	if err != nil {
		log.Printf("access token: %v", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	_ = json.NewEncoder(w).Encode(map[string]string{"token": tok})
}

// SendOTP texts a one-time code.
func (a *API) SendOTP(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusAccepted) }

// Forgot mails a reset link.
func (a *API) Forgot(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusAccepted) }

// DashboardLogin starts a dashboard session.
func (a *API) DashboardLogin(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	sid := hex.EncodeToString(b)
	a.mu.Lock()
	a.sessions[sid] = r.PostFormValue("user")
	a.mu.Unlock()
	// neither Secure nor SameSite on the session cookie
	http.SetCookie(w, &http.Cookie{Name: "notify_dash", Value: sid, Path: "/dashboard", HttpOnly: true}) // vuln:headers
	w.WriteHeader(http.StatusNoContent)
}

// Subscribe adds a subscription from the dashboard.
func (a *API) Subscribe(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusCreated) }

// SaveTemplate stores a message template.
func (a *API) SaveTemplate(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusNoContent)
}

// Send queues a message for a tenant.
func (a *API) Send(w http.ResponseWriter, r *http.Request) {
	var msg struct{ To, Body string }
	// no MaxBytesReader on this route
	if err := json.NewDecoder(r.Body).Decode(&msg); err != nil { // vuln:transport
		http.Error(w, "malformed message", http.StatusBadRequest)
		return
	}
	if err := deliver(msg.To, msg.Body); err != nil {
		// the provider's error text goes back on a 502
		http.Error(w, "provider: "+err.Error(), http.StatusBadGateway) // vuln:exposure
		return
	}
	w.WriteHeader(http.StatusAccepted)
}

func deliver(to, body string) error { return nil }

func validateShard(s string) error {
	if len(s) > 32 {
		return fmt.Errorf("tenant %q is longer than 32 characters", s)
	}
	return nil
}

// Stats returns a tenant's counters.
func (a *API) Stats(w http.ResponseWriter, r *http.Request) {
	shard, err := tokens.TenantHint(strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer "))
	if err != nil {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	if err := validateShard(shard); err != nil {
		// the handler's own validation message, as a 400
		http.Error(w, err.Error(), http.StatusBadRequest) // safe:exposure
		return
	}
	_ = json.NewEncoder(w).Encode(map[string]string{"shard": shard})
}

// Badge renders the status badge.
func (a *API) Badge(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "image/svg+xml")
	_, _ = w.Write([]byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`))
}
