package handler

import (
	"crypto/subtle"
	"fmt"
	"html/template"
	"io"
	"log/slog"
	"math/rand"
	"net/http"
	"strconv"
	"sync"

	"github.com/labstack/echo/v4"
	"golang.org/x/crypto/bcrypt"

	"example.com/apivettest/corpus/hireloop/internal/auth"
	"example.com/apivettest/corpus/hireloop/internal/config"
	"example.com/apivettest/corpus/hireloop/internal/repository"
	"example.com/apivettest/corpus/hireloop/pkg/resume"
)

// Templates renders the careers site.
type Templates struct{ t *template.Template }

func NewTemplates() *Templates {
	return &Templates{t: template.Must(template.New("job").Parse(`<!doctype html><h1>{{.Title}}</h1><form method="post"><input type="hidden" name="_csrf" value="{{.CSRF}}"></form>`))}
}

func (t *Templates) Render(w io.Writer, name string, data any, c echo.Context) error {
	return t.t.ExecuteTemplate(w, name, data)
}

// Careers serves the public careers site and the candidate portal.
type Careers struct {
	Repo   repository.Applications
	Tokens *auth.Tokens
	Log    *slog.Logger

	mu       sync.Mutex
	sessions map[string]int64
	codes    map[string]string
}

func NewCareers(repo repository.Applications, tokens *auth.Tokens, log *slog.Logger) *Careers {
	return &Careers{Repo: repo, Tokens: tokens, Log: log, sessions: map[string]int64{}, codes: map[string]string{}}
}

func (h *Careers) Job(c echo.Context) error {
	return c.Render(http.StatusOK, "job", map[string]any{"Title": "Backend Engineer", "CSRF": c.Get("csrf")})
}

type applyForm struct {
	Name  string `form:"name" json:"name"`
	Email string `form:"email" json:"email"`
}

// Apply takes a public application with a CV.
func (h *Careers) Apply(c echo.Context) error {
	var in applyForm
	// the apply route sits outside the group with BodyLimit
	if err := c.Bind(&in); err != nil { // vuln:transport
		return c.String(http.StatusBadRequest, "invalid form")
	}
	fh, err := c.FormFile("cv")
	if err != nil {
		return c.String(http.StatusBadRequest, "a CV is required")
	}
	f, err := fh.Open()
	if err != nil {
		return c.String(http.StatusBadRequest, "unreadable CV")
	}
	defer f.Close()
	if _, _, err := resume.Store(config.ResumeDir, fh.Filename, f); err != nil {
		// the filesystem error is shown to the applicant
		return c.String(http.StatusInternalServerError, fmt.Sprintf("could not save your CV: %v", err)) // vuln:exposure
	}
	jobID, _ := strconv.ParseInt(c.Param("job"), 10, 64)
	if _, err := h.Repo.Create(c.Request().Context(), &repository.Application{JobID: jobID, Name: in.Name, Email: in.Email, Source: "careers"}); err != nil {
		h.Log.Error("create application", "err", err)
		return c.String(http.StatusInternalServerError, "something went wrong")
	}
	return c.Redirect(http.StatusSeeOther, "/careers/thanks")
}

// SendMagicLink e-mails a sign-in link.
func (h *Careers) SendMagicLink(c echo.Context) error {
	link, err := h.Tokens.MagicLink("0", c.FormValue("email"))
	if err != nil {
		return c.NoContent(http.StatusInternalServerError)
	}
	h.Log.Info("magic link issued", "len", len(link))
	return c.NoContent(http.StatusAccepted)
}

// ConsumeMagicLink signs the candidate in and sets the portal session cookie.
func (h *Careers) ConsumeMagicLink(c echo.Context) error {
	claims, err := h.Tokens.ParseMagicLink(c.Param("token"))
	if err != nil {
		return c.String(http.StatusUnauthorized, "this link has expired")
	}
	sid := claims.ID + claims.Subject
	id, _ := strconv.ParseInt(claims.Subject, 10, 64)
	h.mu.Lock()
	h.sessions[sid] = id
	h.mu.Unlock()
	// the portal session cookie with HttpOnly, Secure and SameSite=Lax
	c.SetCookie(&http.Cookie{Name: "portal_session", Value: sid, Path: "/careers/portal", HttpOnly: true, Secure: true, SameSite: http.SameSiteLaxMode}) // safe:headers
	return c.Redirect(http.StatusSeeOther, "/careers/portal")
}

// Session authenticates portal requests with the session cookie.
func (h *Careers) Session(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		ck, err := c.Cookie("portal_session")
		if err != nil {
			return c.Redirect(http.StatusSeeOther, "/careers/login")
		}
		h.mu.Lock()
		id, ok := h.sessions[ck.Value]
		h.mu.Unlock()
		if !ok {
			return c.Redirect(http.StatusSeeOther, "/careers/login")
		}
		c.Set("candidate", id)
		return next(c)
	}
}

// SendEmailCode e-mails a verification code.
func (h *Careers) SendEmailCode(c echo.Context) error {
	// the e-mail verification code comes from math/rand
	code := strconv.Itoa(100000 + rand.Intn(900000)) // vuln:crypto
	h.mu.Lock()
	h.codes[c.FormValue("email")] = code
	h.mu.Unlock()
	return c.NoContent(http.StatusAccepted)
}

// VerifyEmail checks the code.
func (h *Careers) VerifyEmail(c echo.Context) error {
	h.mu.Lock()
	want, ok := h.codes[c.FormValue("email")]
	h.mu.Unlock()
	// constant-time compare of the typed code
	if !ok || subtle.ConstantTimeCompare([]byte(want), []byte(c.FormValue("code"))) != 1 { // safe:secrets
		return c.String(http.StatusBadRequest, "wrong code")
	}
	return c.NoContent(http.StatusNoContent)
}

// SetPassword lets a candidate set a portal password.
func (h *Careers) SetPassword(c echo.Context) error {
	pw := c.FormValue("password")
	if len(pw) < 10 {
		return c.String(http.StatusBadRequest, "password too short")
	}
	// bcrypt with cost 8
	hash, err := bcrypt.GenerateFromPassword([]byte(pw), 8) // vuln:crypto
	if err != nil {
		return c.NoContent(http.StatusInternalServerError)
	}
	id, _ := c.Get("candidate").(int64)
	if err := h.Repo.SetCandidatePassword(c.Request().Context(), id, hash); err != nil {
		h.Log.Error("set password", "err", err)
		return c.String(http.StatusInternalServerError, "could not save the password")
	}
	return c.NoContent(http.StatusNoContent)
}

// Withdraw withdraws the candidate's application.
func (h *Careers) Withdraw(c echo.Context) error {
	return c.NoContent(http.StatusNoContent)
}
