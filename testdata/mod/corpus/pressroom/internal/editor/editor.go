// Package editor is the newsroom's editing app: a JSON API for the SPA
// (bearer tokens) and a few server-rendered pages (cookie session).
package editor

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"html/template"
	"log/slog"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	echojwt "github.com/labstack/echo-jwt/v4"
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	"golang.org/x/time/rate"

	"example.com/apivettest/corpus/pressroom/internal/config"
	"example.com/apivettest/corpus/pressroom/internal/content"
	"example.com/apivettest/corpus/pressroom/internal/media"
	"example.com/apivettest/corpus/pressroom/internal/users"
)

var editPage = template.Must(template.New("edit").Parse(`<!doctype html><form method="post"><input type="hidden" name="_csrf" value="{{.CSRF}}"><textarea name="body">{{.Article.Body}}</textarea><button>Save</button></form>`))

var slugRe = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// App holds the editor's dependencies.
type App struct {
	Cfg   config.Config
	Repo  *content.Repo
	Users *users.Service
	Media *media.Library
	Log   *slog.Logger

	mu       sync.Mutex
	sessions map[string]string
}

// New builds the editor app.
func New(a *App) *echo.Echo {
	a.sessions = map[string]string{}
	// echo's default Secure() sends no HSTS, and the HTML pages below get no CSP
	e := echo.New() // vuln:headers
	e.HideBanner = true
	e.Use(middleware.Recover(), middleware.Secure())
	// the origin is looked up in the configured list
	e.Use(middleware.CORSWithConfig(middleware.CORSConfig{ // safe:cors
		AllowOriginFunc: func(origin string) (bool, error) {
			return slices.Contains(a.Cfg.Editor.Origins, origin), nil
		},
		AllowCredentials: true,
	}))

	// the list of single sign-on providers is public
	e.GET("/auth/sso/providers", a.Providers) // safe:ratelimit
	auth := e.Group("/auth", middleware.RateLimiter(middleware.NewRateLimiterMemoryStore(rate.Limit(0.2))))
	// the /auth group carries echo's RateLimiter
	auth.POST("/login", a.Login) // safe:ratelimit
	// so does the second factor
	auth.POST("/mfa", a.MFA) // safe:ratelimit
	// same /auth prefix, but registered on e instead of the limited group
	e.POST("/auth/password/forgot", a.Forgot) // vuln:ratelimit

	// echo-jwt with a signing key: its default keyfunc checks the method
	api := e.Group("/api", echojwt.WithConfig(echojwt.Config{SigningKey: []byte(a.Cfg.JWT.Secret)})) // safe:jwt
	// bearer-authenticated
	api.POST("/articles", a.SaveArticle) // safe:exposure
	api.GET("/articles", a.Queue)
	api.GET("/authors/:name/articles", a.ByAuthor)
	api.POST("/media", a.Upload)
	api.POST("/media/keep-name", a.UploadKeepName)

	// TokenLookup names the form field the CSRF token is read from
	ui := e.Group("/ui", a.requireSession, middleware.CSRFWithConfig(middleware.CSRFConfig{TokenLookup: "form:_csrf", CookieSecure: true, CookieHTTPOnly: true})) // safe:secrets
	ui.GET("/articles/:id", a.EditPage)
	// cookie session, with echo's CSRF middleware on the group
	ui.POST("/articles/:id", a.SaveForm) // safe:exposure

	mod := e.Group("/moderation", a.requireSession)
	// the pr_session cookie (no SameSite) authenticates this POST and no CSRF check is in the chain
	mod.POST("/comments/:id/approve", a.Approve) // vuln:exposure
	return e
}

// Providers lists the SSO providers.
func (a *App) Providers(c echo.Context) error {
	return c.JSON(http.StatusOK, []string{"google", "okta"})
}

// Login signs an editor in to the server-rendered pages.
func (a *App) Login(c echo.Context) error {
	ed, err := a.Users.Authenticate(c.Request().Context(), c.FormValue("email"), c.FormValue(config.PasswordField))
	if err != nil {
		return echo.NewHTTPError(http.StatusUnauthorized, "wrong email or password")
	}
	buf := make([]byte, 24)
	if _, err := rand.Read(buf); err != nil {
		return echo.ErrInternalServerError
	}
	sid := hex.EncodeToString(buf)
	a.mu.Lock()
	a.sessions[sid] = ed.Email
	a.mu.Unlock()
	// HttpOnly and Secure, no SameSite
	c.SetCookie(&http.Cookie{Name: config.SessionCookie, Value: sid, Path: "/", HttpOnly: true, Secure: true}) // vuln:headers
	tok, err := a.Users.Token(ed)
	if err != nil {
		return echo.ErrInternalServerError
	}
	return c.JSON(http.StatusOK, echo.Map{"token": tok})
}

// MFA checks the second factor.
func (a *App) MFA(c echo.Context) error { return c.NoContent(http.StatusNoContent) }

// Forgot mails a reset link.
func (a *App) Forgot(c echo.Context) error { return c.NoContent(http.StatusAccepted) }

func (a *App) requireSession(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		ck, err := c.Cookie(config.SessionCookie)
		if err != nil {
			return c.Redirect(http.StatusSeeOther, "/")
		}
		a.mu.Lock()
		_, ok := a.sessions[ck.Value]
		a.mu.Unlock()
		if !ok {
			return c.Redirect(http.StatusSeeOther, "/")
		}
		return next(c)
	}
}

// SaveArticle creates or updates an article from the SPA.
func (a *App) SaveArticle(c echo.Context) error {
	var art content.Article
	// no BodyLimit anywhere on the editor app
	if err := c.Bind(&art); err != nil { // vuln:transport
		return echo.NewHTTPError(http.StatusBadRequest, "malformed article")
	}
	if !slugRe.MatchString(art.Slug) {
		// own validation, 400
		return c.JSON(http.StatusBadRequest, echo.Map{"error": fmt.Sprintf("slug %q must be lowercase letters, digits and dashes", art.Slug)}) // safe:exposure
	}
	if err := a.Repo.Save(c.Request().Context(), &art); err != nil {
		a.Log.Error("save article", "err", err)
		// gorm's error on a 500
		return c.JSON(http.StatusInternalServerError, echo.Map{"error": err.Error()}) // vuln:exposure
	}
	return c.JSON(http.StatusOK, art)
}

// Queue lists articles by status.
func (a *App) Queue(c echo.Context) error {
	out, err := a.Repo.ByStatus(c.Request().Context(), c.QueryParam("status"))
	if err != nil {
		return echo.ErrInternalServerError
	}
	return c.JSON(http.StatusOK, out)
}

// ByAuthor lists an author's articles.
func (a *App) ByAuthor(c echo.Context) error {
	out, err := a.Repo.ByAuthorName(c.Request().Context(), c.Param("name"))
	if err != nil {
		return echo.ErrInternalServerError
	}
	return c.JSON(http.StatusOK, out)
}

// Upload stores an image under a generated name.
func (a *App) Upload(c echo.Context) error {
	fh, err := c.FormFile("file")
	if err != nil {
		return echo.NewHTTPError(http.StatusBadRequest, "missing file")
	}
	name, err := a.Media.SaveGenerated(fh)
	if err != nil {
		return echo.ErrInternalServerError
	}
	return c.JSON(http.StatusCreated, echo.Map{"url": a.Media.SignedURL(name, 1200)})
}

// UploadKeepName stores an image under its original name.
func (a *App) UploadKeepName(c echo.Context) error {
	fh, err := c.FormFile("file")
	if err != nil {
		return echo.NewHTTPError(http.StatusBadRequest, "missing file")
	}
	name, err := a.Media.SaveAsIs(fh)
	if err != nil {
		return echo.ErrInternalServerError
	}
	return c.JSON(http.StatusCreated, echo.Map{"url": a.Media.SignedURL(name, 1200)})
}

// EditPage renders the edit form.
func (a *App) EditPage(c echo.Context) error {
	id, _ := strconv.Atoi(c.Param("id"))
	var b strings.Builder
	data := map[string]any{"Article": content.Article{ID: uint(id)}, "CSRF": c.Get(middleware.DefaultCSRFConfig.ContextKey)}
	if err := editPage.Execute(&b, data); err != nil {
		// the template error text in the 500 response
		return c.String(http.StatusInternalServerError, fmt.Sprintf("render: %v", err)) // vuln:exposure
	}
	return c.HTML(http.StatusOK, b.String())
}

// SaveForm saves the server-rendered form.
func (a *App) SaveForm(c echo.Context) error {
	_ = c.FormValue("body")
	return c.Redirect(http.StatusSeeOther, c.Request().URL.Path)
}

// Approve approves a reader comment.
func (a *App) Approve(c echo.Context) error {
	id, err := strconv.Atoi(c.Param("id"))
	if err != nil {
		return echo.NewHTTPError(http.StatusBadRequest, "comment id must be a number")
	}
	if err := a.Repo.Approve(c.Request().Context(), uint(id)); err != nil {
		return echo.ErrInternalServerError
	}
	return c.NoContent(http.StatusNoContent)
}
