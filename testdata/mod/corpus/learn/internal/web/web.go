// Package web is the learner-facing echo application and its admin console.
package web

import (
	"crypto/rand"
	"encoding/hex"
	"io"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	"golang.org/x/time/rate"

	"example.com/apivettest/corpus/learn/internal/accounts"
	"example.com/apivettest/corpus/learn/internal/config"
	"example.com/apivettest/corpus/learn/internal/courses"
)

// learnerCSP allows scripts only from the platform itself.
const learnerCSP = "default-src 'self'; script-src 'self'; img-src 'self' https://cdn.learn.example; frame-ancestors 'self'"

type app struct {
	cfg   config.Config
	repo  *courses.Repo
	users map[string]string
}

// Learner builds the learner application, which serves HTML pages and JSON.
func Learner(cfg config.Config, repo *courses.Repo) *echo.Echo {
	a := &app{cfg: cfg, repo: repo, users: map[string]string{}}
	// a complete SecureWithConfig: nosniff, X-Frame-Options, HSTS and a CSP
	e := echo.New() // safe:headers
	e.Server.ReadHeaderTimeout = 5 * time.Second
	e.Use(middleware.SecureWithConfig(middleware.SecureConfig{
		XSSProtection:      "0",
		ContentTypeNosniff: "nosniff",
		XFrameOptions:      "SAMEORIGIN",
		HSTSMaxAge:         31536000,
		// no unsafe-inline, no unsafe-eval, a default-src
		ContentSecurityPolicy: learnerCSP, // safe:headers
	}))
	e.Use(middleware.BodyLimit("2M"))
	// echo's subdomain pattern: ^https://.*\.learn\.example$, dot-bounded, with credentials
	e.Use(middleware.CORSWithConfig(middleware.CORSConfig{AllowOrigins: []string{"https://*.learn.example"}, AllowCredentials: true})) // safe:cors

	authLimit := middleware.RateLimiterWithConfig(middleware.RateLimiterConfig{
		Store: middleware.NewRateLimiterMemoryStoreWithConfig(middleware.RateLimiterMemoryStoreConfig{Rate: rate.Limit(0.1), Burst: 3, ExpiresIn: 10 * time.Minute}),
	})
	// limiter passed as route middleware
	e.POST("/session", a.SignIn, authLimit) // safe:ratelimit
	// no auth word in the path, but the handler sets a password: no limiter
	e.POST("/invites/:code/accept", a.AcceptInviteAndSetPassword) // vuln:ratelimit

	e.GET("/courses/:id", a.CoursePage)
	e.POST("/courses/:id/submissions", a.Submit)
	e.POST("/courses/:id/attachments", a.Attach)
	return e
}

// Admin builds the staff console.
func Admin(repo *courses.Repo) *echo.Echo {
	a := &app{repo: repo}
	// echo's Secure() defaults send no HSTS
	adm := echo.New() // vuln:headers
	adm.Use(middleware.Secure())
	adm.GET("/reports/hard-courses", a.HardCourses)
	return adm
}

// SignIn starts a learner session.
func (a *app) SignIn(c echo.Context) error {
	var req struct{ Email, Password string }
	// BodyLimit("2M") applies to the whole application
	if err := c.Bind(&req); err != nil { // safe:transport
		return c.NoContent(http.StatusBadRequest)
	}
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	// HttpOnly, Secure, SameSite=Lax
	c.SetCookie(&http.Cookie{Name: "learn_session", Value: hex.EncodeToString(b), Path: "/", HttpOnly: true, Secure: true, SameSite: http.SameSiteLaxMode}) // safe:headers
	// keeps the learner signed in for 30 days, readable by scripts
	c.SetCookie(&http.Cookie{Name: "remember_token", Value: hex.EncodeToString(b[:16]), MaxAge: 30 * 86400, Secure: true, SameSite: http.SameSiteLaxMode}) // vuln:headers
	// a UI language preference
	c.SetCookie(&http.Cookie{Name: "lang", Value: "de", Path: "/"}) // safe:headers
	return c.NoContent(http.StatusNoContent)
}

// AcceptInviteAndSetPassword activates an invited account.
func (a *app) AcceptInviteAndSetPassword(c echo.Context) error {
	hash, err := accounts.Hash(c.FormValue("password"))
	if err != nil {
		return c.NoContent(http.StatusBadRequest)
	}
	a.users[c.Param("code")] = string(hash)
	return c.NoContent(http.StatusNoContent)
}

// CoursePage renders a course.
func (a *app) CoursePage(c echo.Context) error {
	return c.HTML(http.StatusOK, "<h1>Course</h1>")
}

// Submit stores an assignment under the name the learner's browser sent.
func (a *app) Submit(c echo.Context) error {
	file, err := c.FormFile("work")
	if err != nil {
		return c.NoContent(http.StatusBadRequest)
	}
	src, err := file.Open()
	if err != nil {
		return c.NoContent(http.StatusBadRequest)
	}
	defer src.Close()
	// path.Join keeps ../ from the client's file name
	dst, err := os.Create(path.Join(a.cfg.UploadDir, c.Param("id"), file.Filename)) // vuln:exposure
	if err != nil {
		c.Logger().Error(err)
		return c.JSON(http.StatusInternalServerError, map[string]string{"error": "could not store the submission"})
	}
	defer dst.Close()
	_, _ = io.Copy(dst, src)
	return c.NoContent(http.StatusCreated)
}

// Attach stores an attachment under a cleaned base name.
func (a *app) Attach(c echo.Context) error {
	file, err := c.FormFile("file")
	if err != nil {
		return c.NoContent(http.StatusBadRequest)
	}
	name := filepath.Base(strings.ReplaceAll(file.Filename, "\\", "/"))
	if name == "." || name == ".." || name == "/" {
		// the handler's own check of the name
		return c.JSON(http.StatusBadRequest, map[string]string{"error": "invalid file name " + name}) // safe:exposure
	}
	src, err := file.Open()
	if err != nil {
		return c.NoContent(http.StatusBadRequest)
	}
	defer src.Close()
	// only the base name is used
	dst, err := os.Create(filepath.Join(a.cfg.UploadDir, "attachments", name)) // safe:exposure
	if err != nil {
		return c.NoContent(http.StatusInternalServerError)
	}
	defer dst.Close()
	_, _ = io.Copy(dst, src)
	return c.NoContent(http.StatusCreated)
}

// HardCourses reports the hardest courses.
func (a *app) HardCourses(c echo.Context) error {
	ids, err := a.repo.HardCourses(c.Request().Context(), c.QueryParam("below"))
	if err != nil {
		// the SQL error text goes to the browser on a 500
		return c.String(http.StatusInternalServerError, err.Error()) // vuln:exposure
	}
	return c.JSON(http.StatusOK, ids)
}
