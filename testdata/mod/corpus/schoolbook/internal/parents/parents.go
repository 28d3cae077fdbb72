// Package parents is the parent portal, served with julienschmidt/httprouter.
package parents

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/julienschmidt/httprouter"

	"example.com/apivettest/corpus/schoolbook/internal/gradebook"
	"example.com/apivettest/corpus/schoolbook/internal/secmw"
)

// Portal serves parents.
type Portal struct {
	Store gradebook.Store
	Log   *slog.Logger

	mu       sync.Mutex
	sessions map[string]int64
}

func New(store gradebook.Store, log *slog.Logger) *Portal {
	return &Portal{Store: store, Log: log, sessions: map[string]int64{}}
}

// corsReflect lets the district's app shells call the portal with the cookie.
func corsReflect(h httprouter.Handle) httprouter.Handle {
	return func(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
		if origin := r.Header.Get("Origin"); origin != "" {
			// whatever Origin the browser sends is echoed back, with credentials
			w.Header().Set("Access-Control-Allow-Origin", origin) // vuln:cors
			w.Header().Set("Access-Control-Allow-Credentials", "true")
		}
		h(w, r, ps)
	}
}

// districtEmbed is used by the district dashboard widgets.
func districtEmbed(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		origin := r.Header.Get("Origin")
		if strings.Contains(origin, "district-schools.org") {
			// "https://district-schools.org.evil.example" contains the string too
			w.Header().Set("Access-Control-Allow-Origin", origin) // vuln:cors
			w.Header().Set("Access-Control-Allow-Credentials", "true")
		}
		next.ServeHTTP(w, r)
	})
}

// calendarCORS serves the public term calendar to any site, without cookies.
func calendarCORS(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// a wildcard with no credentials header
		w.Header().Set("Access-Control-Allow-Origin", "*") // safe:cors
		next.ServeHTTP(w, r)
	})
}

// Router builds the parent portal's handler.
func (p *Portal) Router(loginLimit func(http.Handler) http.Handler) http.Handler {
	// only HSTS is added: no nosniff, no frame protection
	router := httprouter.New() // vuln:headers
	// sethvargo/go-limiter wraps the login handler
	router.Handler(http.MethodPost, "/parents/login", loginLimit(http.HandlerFunc(p.login))) // safe:ratelimit
	// the account-recovery form has no limiter
	router.HandlerFunc(http.MethodPost, "/parents/password/forgot", p.forgot) // vuln:ratelimit
	// sign-up with the student's access code, no limiter either
	router.POST("/parents/signup", p.signup) // vuln:ratelimit
	router.Handler(http.MethodGet, "/parents/calendar", calendarCORS(http.HandlerFunc(p.calendar)))
	router.GET("/parents/children/:id", corsReflect(p.session(p.child)))
	// cookie-authenticated, the cookie has no SameSite and there is no CSRF token
	router.POST("/parents/children/:id/consent", corsReflect(p.session(p.consent))) // vuln:exposure
	// same for messages to teachers
	router.POST("/parents/messages", corsReflect(p.session(p.message))) // vuln:exposure
	router.Handler(http.MethodGet, "/parents/widgets/attendance", districtEmbed(http.HandlerFunc(p.calendar)))
	return secmw.HSTSOnly(router)
}

func (p *Portal) login(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Email    string `json:"email"`
		Password string `json:"password"`
	}
	// nothing limits the body on this server
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil { // vuln:transport
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	b := make([]byte, 24)
	_, _ = rand.Read(b)
	sid := hex.EncodeToString(b)
	p.mu.Lock()
	p.sessions[sid] = 1
	p.mu.Unlock()
	// HttpOnly and Secure but no SameSite on the session cookie
	http.SetCookie(w, &http.Cookie{Name: "parent_sid", Value: sid, Path: "/parents", HttpOnly: true, Secure: true}) // vuln:headers
	w.WriteHeader(http.StatusNoContent)
}

func (p *Portal) forgot(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusAccepted) }

func (p *Portal) signup(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	id, _ := strconv.ParseInt(r.FormValue("student_id"), 10, 64)
	st, err := p.Store.Student(r.Context(), id)
	if err != nil {
		http.Error(w, "unknown student", http.StatusNotFound)
		return
	}
	// the access code from the form is compared with == against the stored one
	if r.FormValue("access_code") != st.AccessCode { // vuln:secrets
		http.Error(w, "wrong access code", http.StatusForbidden)
		return
	}
	w.WriteHeader(http.StatusCreated)
}

func (p *Portal) session(h httprouter.Handle) httprouter.Handle {
	return func(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
		c, err := r.Cookie("parent_sid")
		if err != nil {
			http.Error(w, "sign in first", http.StatusUnauthorized)
			return
		}
		p.mu.Lock()
		_, ok := p.sessions[c.Value]
		p.mu.Unlock()
		if !ok {
			http.Error(w, "sign in first", http.StatusUnauthorized)
			return
		}
		h(w, r, ps)
	}
}

func (p *Portal) calendar(w http.ResponseWriter, r *http.Request) {
	_ = json.NewEncoder(w).Encode([]string{"2025-09-01 first day"})
}

func (p *Portal) child(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
	id, err := strconv.ParseInt(ps.ByName("id"), 10, 64)
	if err != nil {
		// the handler's own validation message
		http.Error(w, "child id must be a number", http.StatusBadRequest) // safe:exposure
		return
	}
	st, err := p.Store.Student(r.Context(), id)
	if err != nil {
		p.Log.Error("load child", "err", err)
		http.Error(w, "could not load the record", http.StatusInternalServerError)
		return
	}
	_ = json.NewEncoder(w).Encode(st)
}

func (p *Portal) consent(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
	w.WriteHeader(http.StatusNoContent)
}

func (p *Portal) message(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	w.WriteHeader(http.StatusAccepted)
}
