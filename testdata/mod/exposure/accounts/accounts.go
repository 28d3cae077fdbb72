// Package accounts serves the accounts API with the platform's shared
// response helpers, which live in other packages of the module.
package accounts

import (
	"context"
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
	"github.com/labstack/echo/v4"

	"example.com/apivettest/respond/echoresp"
	"example.com/apivettest/respond/fiberresp"
	"example.com/apivettest/respond/ginresp"
	"example.com/apivettest/respond/httpx"
)

// Account is a row of the accounts table.
type Account struct {
	ID    string `json:"id"`
	Email string `json:"email"`
}

// Repo stores accounts.
type Repo interface {
	Find(ctx context.Context, id string) (*Account, error)
	Close(ctx context.Context, id string) error
}

// Handler serves /accounts.
type Handler struct {
	repo Repo
	pr   httpx.Responder
}

// Get writes the repository's error with the caller-chosen 500.
func (h *Handler) Get(w http.ResponseWriter, r *http.Request) {
	a, err := h.repo.Find(r.Context(), r.PathValue("id"))
	if err != nil {
		httpx.Error(w, http.StatusInternalServerError, err) // want `AV901 medium: the text of err is written to the client with status 500 by httpx.Error`
		return
	}
	httpx.JSON(w, http.StatusOK, a)
}

// Close formats the error into the message helper.
func (h *Handler) Close(w http.ResponseWriter, r *http.Request) {
	if err := h.repo.Close(r.Context(), r.PathValue("id")); err != nil {
		httpx.Message(w, http.StatusInternalServerError, "close failed: "+err.Error()) // want `AV901 medium: err.Error\(\) is written to the client with status 500 by httpx.Message`
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// Export uses the problem helper, a method.
func (h *Handler) Export(w http.ResponseWriter, r *http.Request) {
	if _, err := h.repo.Find(r.Context(), "all"); err != nil {
		h.pr.Problem(w, http.StatusBadGateway, err.Error()) // want `AV901 medium: err.Error\(\) is written to the client with status 502 by h.pr.Problem`
	}
}

// fail is the package's own wrapper around the shared helper.
func (h *Handler) fail(w http.ResponseWriter, code int, err error) {
	httpx.Error(w, code, err)
}

// Freeze goes through the wrapper.
func (h *Handler) Freeze(w http.ResponseWriter, r *http.Request) {
	if err := h.repo.Close(r.Context(), "frozen"); err != nil {
		h.fail(w, http.StatusServiceUnavailable, err) // want `AV901 medium: the text of err is written to the client with status 503 by h.fail`
		return
	}
	h.fail(w, http.StatusConflict, errors.New("already frozen"))
}

// Profile is a gin handler.
func (h *Handler) Profile(c *gin.Context) {
	a, err := h.repo.Find(c, c.Param("id"))
	if err != nil {
		ginresp.ServerError(c, err.Error()) // want `AV901 medium: err.Error\(\) is written to the client with status 500 by ginresp.ServerError`
		return
	}
	if a.Email == "" {
		ginresp.Abort(c, http.StatusInternalServerError, "lookup: "+errors.New("no email").Error())
		return
	}
	c.JSON(http.StatusOK, a)
}

// Delete answers through gin's abort helper.
func (h *Handler) Delete(c *gin.Context) {
	if err := h.repo.Close(c, c.Param("id")); err != nil {
		ginresp.Abort(c, http.StatusInternalServerError, "delete: "+err.Error()) // want `AV901 medium: err.Error\(\) is written to the client with status 500 by ginresp.Abort`
	}
}

// Sessions is an echo handler.
func (h *Handler) Sessions(c echo.Context) error {
	if _, err := h.repo.Find(c.Request().Context(), c.Param("id")); err != nil {
		return echoresp.Status(http.StatusBadGateway, err.Error()) // want `AV901 medium: err.Error\(\) is written to the client with status 502 by echoresp.Status`
	}
	return c.NoContent(http.StatusOK)
}

// Limits is a fiber handler.
func (h *Handler) Limits(c *fiber.Ctx) error {
	if _, err := h.repo.Find(c.Context(), c.Params("id")); err != nil {
		return fiberresp.Fail(c, fiber.StatusInternalServerError, err) // want `AV901 medium: the text of err is written to the client with status 500 by fiberresp.Fail`
	}
	return fiberresp.OK(c, nil)
}

// --- safe look-alikes ---

// Lookup answers client errors with their text.
func (h *Handler) Lookup(w http.ResponseWriter, r *http.Request) {
	if _, err := h.repo.Find(r.Context(), r.URL.Query().Get("id")); err != nil {
		httpx.Error(w, http.StatusNotFound, err)
		httpx.Message(w, http.StatusInternalServerError, "lookup failed")
		httpx.Fail(w, err)
		httpx.Encode(w, http.StatusInternalServerError, err)
		httpx.BadRequest(w, err.Error())
		// A helper of the module handed a writer, a 500 and the text, that
		// only logs: its summary says it writes nothing.
		httpx.Audit(w, http.StatusInternalServerError, err.Error())
	}
}

// Own writes the handler's own error with 500.
func (h *Handler) Own(w http.ResponseWriter, r *http.Request) {
	httpx.Error(w, http.StatusInternalServerError, errors.New("maintenance window"))
}

// Fixed hands errors to helpers that fix a 5xx status themselves: those
// helpers are reported in their own package, once, not at every call.
func (h *Handler) Fixed(w http.ResponseWriter, r *http.Request) {
	if err := h.repo.Close(r.Context(), "x"); err != nil {
		httpx.Internal(w, err)
		httpx.Unavailable(w, err)
	}
}

// Quiet answers gin, echo and fiber clients without the cause.
func (h *Handler) Quiet(c *gin.Context) {
	if _, err := h.repo.Find(c, "x"); err != nil {
		ginresp.ServerError(c, "try again later")
		ginresp.NotFound(c, err.Error())
		ginresp.InternalError(c, err)
	}
}

// Invalid returns client errors through the echo and fiber helpers.
func (h *Handler) Invalid(c echo.Context) error {
	if _, err := h.repo.Find(c.Request().Context(), "x"); err != nil {
		return echoresp.Invalid(err.Error())
	}
	return echoresp.Status(http.StatusServiceUnavailable, "busy")
}

// Retry answers fiber clients with a 4xx.
func (h *Handler) Retry(c *fiber.Ctx) error {
	if _, err := h.repo.Find(c.Context(), "x"); err != nil {
		return fiberresp.Fail(c, fiber.StatusTooManyRequests, err)
	}
	return nil
}
