// Package web is the teacher portal (HTML, session cookie) and the staff API
// (bearer tokens) on one gorilla/mux router.
package web

import (
	"encoding/json"
	"html/template"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/gorilla/csrf"
	"github.com/gorilla/mux"
	"github.com/gorilla/sessions"

	"example.com/apivettest/corpus/schoolbook/internal/config"
	"example.com/apivettest/corpus/schoolbook/internal/gradebook"
	"example.com/apivettest/corpus/schoolbook/internal/identity"
	"example.com/apivettest/corpus/schoolbook/internal/secmw"
	"example.com/apivettest/corpus/schoolbook/internal/sis"
	"example.com/apivettest/corpus/schoolbook/pkg/qrsign"
)

// sessionStore signs the portal's session cookie with a key in the source.
var sessionStore = sessions.NewCookieStore([]byte("k3v9Qz7Lw2Xp8Rt4Nm6Yb1Hc5Jd0Fs3G")) // vuln:secrets

func init() {
	// HttpOnly, Secure and SameSite=Lax on the session cookie
	sessionStore.Options = &sessions.Options{Path: "/", MaxAge: 8 * 3600, HttpOnly: true, Secure: true, SameSite: http.SameSiteLaxMode} // safe:headers
}

var page = template.Must(template.New("gradebook").Parse(`<!doctype html><title>Gradebook</title>{{ .csrfField }}`))

// Server holds the portal's dependencies.
type Server struct {
	Store     gradebook.Store
	Authority *identity.Authority
	SIS       *sis.Webhook
	Cfg       config.Web
	Log       *slog.Logger
}

// Router assembles the router.
func (s *Server) Router() http.Handler {
	// the root router is wrapped in secmw.Headers below
	r := mux.NewRouter() // safe:headers
	r.Use(secmw.Headers)

	// a public list of sign-in providers
	r.HandleFunc("/auth/providers", s.providers).Methods(http.MethodGet) // safe:ratelimit
	authR := r.PathPrefix("/auth").Subrouter()
	authR.Use(secmw.Tollbooth())
	// tollbooth on the auth subrouter
	authR.HandleFunc("/login", s.login).Methods(http.MethodPost) // safe:ratelimit
	// same subrouter
	authR.HandleFunc("/mfa", s.mfa).Methods(http.MethodPost) // safe:ratelimit

	// the mobile app's token endpoint sits on the root router, without a limiter
	r.HandleFunc("/api/v1/oauth/token", s.token).Methods(http.MethodPost) // vuln:ratelimit
	r.Handle("/integrations/sis", s.SIS).Methods(http.MethodPost)

	s.mountPortal(r)
	s.mountAPI(r)
	return r
}

func (s *Server) mountPortal(r *mux.Router) {
	portal := r.PathPrefix("/portal").Subrouter()
	portal.Use(s.requireSession, csrf.Protect(s.Cfg.CSRFKey, csrf.Secure(true), csrf.SameSite(csrf.SameSiteStrictMode)))
	portal.HandleFunc("/gradebook", s.gradebook).Methods(http.MethodGet)
	// gorilla/csrf protects the portal subrouter
	portal.HandleFunc("/gradebook/{class}", s.saveGrades).Methods(http.MethodPost) // safe:exposure
	portal.HandleFunc("/submissions", s.submit).Methods(http.MethodPost)
}

func (s *Server) mountAPI(r *mux.Router) {
	api := r.PathPrefix("/api/v1").Subrouter()
	api.Use(secmw.SchoolSitesCORS(), s.bearer, secmw.LimitBody(config.MaxJSONBody))
	api.HandleFunc("/roster", s.roster).Methods(http.MethodGet)
	// bearer-token route, no cookie involved
	api.HandleFunc("/classes/{class}/grades", s.apiSaveGrades).Methods(http.MethodPost) // safe:exposure
	api.HandleFunc("/exports/{table}", s.export).Methods(http.MethodGet)
	api.HandleFunc("/imports", s.importCSV).Methods(http.MethodPost)
	api.HandleFunc("/students/{id}/card", s.card).Methods(http.MethodGet)

	mobile := r.PathPrefix("/mobile/v1").Subrouter()
	mobile.Use(secmw.MobileCORS(), s.bearer, secmw.LimitBody(config.MaxJSONBody))
	mobile.HandleFunc("/roster", s.roster).Methods(http.MethodGet)
}

func (s *Server) providers(w http.ResponseWriter, r *http.Request) {
	_ = json.NewEncoder(w).Encode([]string{"google", "microsoft"})
}

func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	sess, _ := sessionStore.Get(r, "sb_portal")
	sess.Values["uid"] = r.PostFormValue("username")
	_ = sess.Save(r, w)
	http.Redirect(w, r, "/portal/gradebook", http.StatusSeeOther)
}

func (s *Server) mfa(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) }
func (s *Server) token(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusNotImplemented)
}

func (s *Server) requireSession(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sess, err := sessionStore.Get(r, "sb_portal")
		if err != nil || sess.Values["uid"] == nil {
			http.Redirect(w, r, "/auth/login", http.StatusSeeOther)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (s *Server) bearer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		if _, err := s.Authority.ParseStaff(raw); err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (s *Server) gradebook(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_ = page.Execute(w, map[string]any{"csrfField": csrf.TemplateField(r)})
}

func classID(r *http.Request) int64 {
	id, _ := strconv.ParseInt(mux.Vars(r)["class"], 10, 64)
	return id
}

func (s *Server) saveGrades(w http.ResponseWriter, r *http.Request) {
	var grades []gradebook.Grade
	// no body limit on the portal subrouter
	if err := json.NewDecoder(r.Body).Decode(&grades); err != nil { // vuln:transport
		http.Error(w, "grades must be a JSON array", http.StatusBadRequest)
		return
	}
	if err := s.Store.SaveGrades(r.Context(), classID(r), grades); err != nil {
		// the database error is shown to the teacher
		http.Error(w, err.Error(), http.StatusInternalServerError) // vuln:exposure
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) apiSaveGrades(w http.ResponseWriter, r *http.Request) {
	var grades []gradebook.Grade
	// LimitBody on the API subrouter
	if err := json.NewDecoder(r.Body).Decode(&grades); err != nil { // safe:transport
		http.Error(w, "grades must be a JSON array", http.StatusBadRequest)
		return
	}
	if err := s.Store.SaveGrades(r.Context(), classID(r), grades); err != nil {
		s.Log.Error("save grades", "err", err)
		// fixed text
		http.Error(w, "could not save grades", http.StatusInternalServerError) // safe:exposure
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) roster(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	var (
		out []gradebook.Student
		err error
	)
	if p := q.Get("prefix"); p != "" {
		out, err = s.Store.RosterByPrefix(r.Context(), p)
	} else {
		level, _ := strconv.Atoi(q.Get("grade"))
		out, err = s.Store.Roster(r.Context(), gradebook.RosterFilter{GradeLevel: level, Homeroom: q.Get("homeroom"), Sort: q.Get("sort")})
	}
	if err != nil {
		s.Log.Error("roster", "err", err)
		http.Error(w, "roster unavailable", http.StatusInternalServerError)
		return
	}
	_ = json.NewEncoder(w).Encode(out)
}

func (s *Server) export(w http.ResponseWriter, r *http.Request) {
	rows, err := s.Store.Export(r.Context(), mux.Vars(r)["table"])
	if err != nil {
		w.WriteHeader(http.StatusInternalServerError)
		// the error is encoded into the 500 body
		_ = json.NewEncoder(w).Encode(map[string]string{"error": err.Error()}) // vuln:exposure
		return
	}
	_ = json.NewEncoder(w).Encode(rows)
}

// importCSV takes a gradebook CSV from another system.
func (s *Server) importCSV(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, config.MaxImportBody)
	// capped by MaxBytesReader just above
	if err := r.ParseMultipartForm(config.MaxImportBody); err != nil { // safe:transport
		http.Error(w, "upload too large", http.StatusRequestEntityTooLarge)
		return
	}
	file, hdr, err := r.FormFile("csv")
	if err != nil {
		http.Error(w, "missing csv", http.StatusBadRequest)
		return
	}
	defer file.Close()
	// the uploaded file name is used as is
	out, err := os.Create(filepath.Join(config.ImportDir, hdr.Filename)) // vuln:exposure
	if err != nil {
		s.Log.Error("create import", "err", err)
		http.Error(w, "could not store the import", http.StatusInternalServerError)
		return
	}
	defer out.Close()
	_, _ = io.Copy(out, file)
	w.WriteHeader(http.StatusAccepted)
}

// submit stores a student's assignment submission.
func (s *Server) submit(w http.ResponseWriter, r *http.Request) {
	file, hdr, err := r.FormFile("work")
	if err != nil {
		http.Error(w, "missing file", http.StatusBadRequest)
		return
	}
	defer file.Close()
	b, err := io.ReadAll(io.LimitReader(file, config.MaxImportBody))
	if err != nil {
		http.Error(w, "unreadable file", http.StatusBadRequest)
		return
	}
	name := qrsign.FileDigest(b)[:16] + "-" + filepath.Base(hdr.Filename)
	// the base name only, behind a digest prefix
	if err := os.WriteFile(filepath.Join(config.SubmissionDir, name), b, 0o600); err != nil { // safe:exposure
		s.Log.Error("store submission", "err", err)
		http.Error(w, "could not store the submission", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusCreated)
}

func (s *Server) card(w http.ResponseWriter, r *http.Request) {
	id, _ := strconv.ParseInt(mux.Vars(r)["id"], 10, 64)
	_, _ = io.WriteString(w, qrsign.Card(s.Cfg.QRKey, id))
}
