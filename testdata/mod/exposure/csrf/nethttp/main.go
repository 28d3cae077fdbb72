// Command bank serves the online banking pages with the standard library
// and gorilla/sessions.
package main

import (
	"log"
	"net/http"
	"os"
	"strings"

	"github.com/gorilla/sessions"
)

var store = sessions.NewCookieStore([]byte(os.Getenv("SESSION_KEY")))

type server struct{}

// requireUser identifies the caller by the session cookie.
func requireUser(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sess, err := store.Get(r, "bank-session")
		if err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		if _, ok := sess.Values["user_id"].(string); !ok {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// bearer authenticates API clients by their token.
func bearer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.Header.Get("Authorization"), "Bearer ") {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (s *server) transfer(w http.ResponseWriter, r *http.Request)       {}
func (s *server) closeAccount(w http.ResponseWriter, r *http.Request)   {}
func (s *server) balance(w http.ResponseWriter, r *http.Request)        {}
func (s *server) apiTransfer(w http.ResponseWriter, r *http.Request)    {}
func (s *server) addPayee(w http.ResponseWriter, r *http.Request)       {}
func (s *server) updateSettings(w http.ResponseWriter, r *http.Request) {}

// payments predates method patterns: it tells POST apart itself.
func (s *server) payments(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
}

// statements only reads.
func (s *server) statements(w http.ResponseWriter, r *http.Request) {}

// login starts the session: nothing authenticates it yet.
func (s *server) login(w http.ResponseWriter, r *http.Request) {
	sess, _ := store.Get(r, "bank-session")
	sess.Values["user_id"] = r.FormValue("user")
	_ = sess.Save(r, w)
}

// profile reads the session itself.
func (s *server) profile(w http.ResponseWriter, r *http.Request) {
	sess, _ := store.Get(r, "bank-session")
	uid, _ := sess.Values["user_id"].(string)
	_ = uid
}

// requireSession checks the office cookie, whose name says nothing.
func requireSession(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := r.Cookie("rb_admin"); err != nil {
			http.Error(w, "sign in", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// tracking reads a preference cookie: no authentication.
func tracking(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = r.Cookie("theme")
		next.ServeHTTP(w, r)
	})
}

func main() {
	s := &server{}
	mux := http.NewServeMux()
	mux.Handle("POST /transfers", requireUser(http.HandlerFunc(s.transfer)))     // want `AV903 medium: POST /transfers is authenticated by a session cookie \(read by requireUser\) and has no CSRF protection; wrap the mux in http.NewCrossOriginProtection\(\).Handler or gorilla/csrf's csrf.Protect, or set the session cookie SameSite=Lax`
	mux.Handle("DELETE /account", requireUser(http.HandlerFunc(s.closeAccount))) // want `AV903 medium: DELETE /account is authenticated by a session cookie`
	mux.HandleFunc("PUT /profile", s.profile)                                    // want `AV903 medium: PUT /profile is authenticated by a session cookie \(read by its handler s.profile\)`
	mux.Handle("GET /balance", requireUser(http.HandlerFunc(s.balance)))
	mux.Handle("/payments", requireUser(http.HandlerFunc(s.payments))) // want `AV903 medium: ANY /payments is authenticated by a session cookie \(read by requireUser\)`
	mux.Handle("/statements", requireUser(http.HandlerFunc(s.statements)))
	mux.HandleFunc("POST /login", s.login)
	mux.Handle("POST /admin/rates", requireSession(http.HandlerFunc(s.updateSettings))) // want `AV903 medium: POST /admin/rates is authenticated by a session cookie \(read by requireSession\)`
	mux.Handle("POST /feedback", tracking(http.HandlerFunc(s.updateSettings)))
	//apivet:ignore AV903 the payee form carries its own one-time token checked in the service layer
	mux.Handle("POST /payees", requireUser(http.HandlerFunc(s.addPayee)))

	// The JSON API authenticates with bearer tokens: browsers never send those by themselves.
	api := http.NewServeMux()
	api.Handle("POST /api/transfers", bearer(http.HandlerFunc(s.apiTransfer)))
	go func() { log.Fatal(http.ListenAndServe(":8081", api)) }()

	// The settings pages sit behind Go's cross-origin protection.
	settings := http.NewServeMux()
	settings.Handle("POST /settings", requireUser(http.HandlerFunc(s.updateSettings)))
	go func() { log.Fatal(http.ListenAndServe(":8082", http.NewCrossOriginProtection().Handler(settings))) }()

	log.Fatal(http.ListenAndServe(":8080", mux))
}
