package web

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/labstack/echo/v4"

	"example.com/apivettest/corpus/tickets/internal/config"
	"example.com/apivettest/corpus/tickets/internal/repo"
	"example.com/apivettest/corpus/tickets/internal/tokens"
)

type sessions struct {
	mu sync.Mutex
	m  map[string]string
}

func newSessions() *sessions { return &sessions{m: map[string]string{}} }

func (s *sessions) create(user string) string {
	b := make([]byte, 24)
	_, _ = rand.Read(b)
	id := hex.EncodeToString(b)
	s.mu.Lock()
	s.m[id] = user
	s.mu.Unlock()
	return id
}

func (s *sessions) lookup(id string) (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u, ok := s.m[id]
	return u, ok
}

type handlers struct {
	cfg      config.Settings
	repo     *repo.Repo
	sessions *sessions
}

type credentials struct {
	Email    string `json:"email" form:"email"`
	Password string `json:"password" form:"password"`
}

func (h *handlers) cookieSession(name string) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			ck, err := c.Cookie(name)
			if err != nil {
				return c.NoContent(http.StatusUnauthorized)
			}
			user, ok := h.sessions.lookup(ck.Value)
			if !ok {
				return c.NoContent(http.StatusUnauthorized)
			}
			c.Set("user", user)
			return next(c)
		}
	}
}

func (h *handlers) portalSession(next echo.HandlerFunc) echo.HandlerFunc {
	return h.cookieSession(config.PortalCookie)(next)
}

func (h *handlers) agentSession(next echo.HandlerFunc) echo.HandlerFunc {
	return h.cookieSession(config.AgentCookie)(next)
}

// Login issues an agent token pair.
func (h *handlers) Login(c echo.Context) error {
	var req credentials
	// under the /api group's BodyLimit
	if err := c.Bind(&req); err != nil { // safe:transport
		return c.JSON(http.StatusBadRequest, echo.Map{"error": "malformed request"})
	}
	pair, err := tokens.Issue(h.cfg.JWTSecret, req.Email, "support", time.Now())
	if err != nil {
		return c.NoContent(http.StatusInternalServerError)
	}
	return c.JSON(http.StatusOK, pair)
}

// ClientToken is the client-credentials grant for integrations.
func (h *handlers) ClientToken(c echo.Context) error {
	return c.NoContent(http.StatusNotImplemented)
}

// Refresh exchanges a refresh token.
func (h *handlers) Refresh(c echo.Context) error {
	var req struct {
		RefreshToken string `json:"refresh_token"`
	}
	// this route is outside the /api group, so no BodyLimit applies
	if err := c.Bind(&req); err != nil { // vuln:transport
		return c.NoContent(http.StatusBadRequest)
	}
	cl, err := tokens.ParseRefresh(h.cfg.JWTSecret, req.RefreshToken)
	if err != nil {
		return c.NoContent(http.StatusUnauthorized)
	}
	pair, err := tokens.Issue(h.cfg.JWTSecret, cl.Subject, cl.Team, time.Now())
	if err != nil {
		return c.NoContent(http.StatusInternalServerError)
	}
	return c.JSON(http.StatusOK, pair)
}

// AppLogin starts an agent web session.
func (h *handlers) AppLogin(c echo.Context) error {
	var req credentials
	// the route carries BodyLimit("16K")
	if err := c.Bind(&req); err != nil { // safe:transport
		return c.NoContent(http.StatusBadRequest)
	}
	sid := h.sessions.create(req.Email)
	// HttpOnly, Secure and SameSite=Lax
	c.SetCookie(&http.Cookie{Name: config.AgentCookie, Value: sid, Path: "/app", HttpOnly: true, Secure: true, SameSite: http.SameSiteLaxMode}) // safe:headers
	return c.NoContent(http.StatusNoContent)
}

// PortalLogin starts a customer session.
func (h *handlers) PortalLogin(c echo.Context) error {
	var req credentials
	// the /portal group has BodyLimit("64K")
	if err := c.Bind(&req); err != nil { // safe:transport
		return c.NoContent(http.StatusBadRequest)
	}
	sid := h.sessions.create(req.Email)
	// the session cookie has no SameSite attribute
	c.SetCookie(&http.Cookie{Name: config.PortalCookie, Value: sid, Path: "/portal", HttpOnly: true, Secure: true}) // vuln:headers
	return c.NoContent(http.StatusNoContent)
}

func validateTicket(t *repo.Ticket) error {
	if strings.TrimSpace(t.Title) == "" {
		return errors.New("title is required")
	}
	if len(t.Body) > 20000 {
		return errors.New("body is longer than 20000 characters")
	}
	return nil
}

// Create opens a ticket.
func (h *handlers) Create(c echo.Context) error {
	var t repo.Ticket
	// under a BodyLimit
	if err := c.Bind(&t); err != nil { // safe:transport
		return c.NoContent(http.StatusBadRequest)
	}
	if err := validateTicket(&t); err != nil {
		// the handler's own validation message, as a 422
		return c.JSON(http.StatusUnprocessableEntity, echo.Map{"error": err.Error()}) // safe:exposure
	}
	if err := h.repo.Create(c.Request().Context(), &t); err != nil {
		c.Logger().Error(err)
		return c.JSON(http.StatusInternalServerError, echo.Map{"error": "could not save the ticket"})
	}
	return c.NoContent(http.StatusCreated)
}

// PortalCreate opens a ticket for a customer.
func (h *handlers) PortalCreate(c echo.Context) error {
	var t repo.Ticket
	// under a BodyLimit
	if err := c.Bind(&t); err != nil { // safe:transport
		return c.NoContent(http.StatusBadRequest)
	}
	if err := h.repo.Create(c.Request().Context(), &t); err != nil {
		// the SQL error reaches the customer
		return c.JSON(http.StatusInternalServerError, echo.Map{"error": err.Error()}) // vuln:exposure
	}
	return c.NoContent(http.StatusCreated)
}

// List lists a project's tickets.
func (h *handlers) List(c echo.Context) error {
	pid, _ := strconv.ParseInt(c.QueryParam("project"), 10, 64)
	limit, _ := strconv.Atoi(c.QueryParam("limit"))
	ts, err := h.repo.List(c.Request().Context(), pid, repo.Filter{Status: c.QueryParam("status"), Assignee: c.QueryParam("assignee"), Limit: limit})
	if err != nil {
		c.Logger().Error(err)
		// a fixed message; the error is only logged
		return c.JSON(http.StatusInternalServerError, echo.Map{"error": "listing failed"}) // safe:exposure
	}
	if q := c.QueryParam("q"); q != "" {
		ts, _ = h.repo.Search(c.Request().Context(), pid, q)
	}
	return c.JSON(http.StatusOK, ts)
}

// PortalList lists a customer's tickets.
func (h *handlers) PortalList(c echo.Context) error {
	return c.JSON(http.StatusOK, []repo.Ticket{})
}

// SetLabels replaces labels.
func (h *handlers) SetLabels(c echo.Context) error {
	id, _ := strconv.ParseInt(c.Param("id"), 10, 64)
	var labels []string
	// under the /api group's BodyLimit
	if err := c.Bind(&labels); err != nil { // safe:transport
		return c.NoContent(http.StatusBadRequest)
	}
	h.repo.SetLabels(id, labels)
	return c.NoContent(http.StatusNoContent)
}

// Report groups tickets.
func (h *handlers) Report(c echo.Context) error {
	rows, err := h.repo.Report(c.Request().Context(), c.QueryParam("group_by"))
	if err != nil {
		// %v of the driver error on a 500
		return c.String(http.StatusInternalServerError, fmt.Sprintf("report failed: %v", err)) // vuln:exposure
	}
	return c.JSON(http.StatusOK, rows)
}

// CloseFromApp closes a ticket from the agent web app.
func (h *handlers) CloseFromApp(c echo.Context) error {
	id, _ := strconv.ParseInt(c.Param("id"), 10, 64)
	if err := h.repo.Close(c.Request().Context(), id); err != nil {
		return c.NoContent(http.StatusInternalServerError)
	}
	return c.NoContent(http.StatusNoContent)
}

// IngestEmail receives raw e-mails from the mail gateway.
func (h *handlers) IngestEmail(c echo.Context) error {
	// the whole raw e-mail is read with no size limit
	raw, err := io.ReadAll(c.Request().Body) // vuln:transport
	if err != nil {
		return c.NoContent(http.StatusBadRequest)
	}
	_ = raw
	return c.NoContent(http.StatusAccepted)
}
