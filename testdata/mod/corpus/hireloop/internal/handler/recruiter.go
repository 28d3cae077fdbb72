// Package handler holds hireloop's echo handlers.
package handler

import (
	"fmt"
	"io"
	"log/slog"
	"math/rand"
	"net/http"
	"os"
	"path/filepath"
	"strconv"

	"github.com/labstack/echo/v4"

	"example.com/apivettest/corpus/hireloop/internal/config"
	"example.com/apivettest/corpus/hireloop/internal/repository"
)

// Recruiter serves the recruiter API (bearer tokens).
type Recruiter struct {
	Repo repository.Applications
	Log  *slog.Logger
}

func jobID(c echo.Context) int64 {
	id, _ := strconv.ParseInt(c.Param("job"), 10, 64)
	return id
}

func (h *Recruiter) List(c echo.Context) error {
	var (
		apps []repository.Application
		err  error
	)
	if q := c.QueryParam("q"); q != "" {
		apps, err = h.Repo.Search(c.Request().Context(), jobID(c), q)
	} else {
		apps, err = h.Repo.ForJob(c.Request().Context(), jobID(c), c.QueryParam("sort"))
	}
	if err != nil {
		// the driver error goes back in the 500 body
		return c.JSON(http.StatusInternalServerError, echo.Map{"error": err.Error()}) // vuln:exposure
	}
	return c.JSON(http.StatusOK, apps)
}

type moveRequest struct {
	Stage string `json:"stage"`
}

var stages = map[string]bool{"applied": true, "screen": true, "onsite": true, "offer": true, "hired": true, "rejected": true}

func (h *Recruiter) Move(c echo.Context) error {
	var in moveRequest
	// BodyLimit is set on the recruiter group
	if err := c.Bind(&in); err != nil { // safe:transport
		return c.JSON(http.StatusBadRequest, echo.Map{"error": "bad body"})
	}
	if in.Stage == "" {
		// the handler's own validation message with a 400
		return c.JSON(http.StatusBadRequest, echo.Map{"error": fmt.Sprintf("stage is required, one of %d stages", len(stages))}) // safe:exposure
	}
	id, _ := strconv.ParseInt(c.Param("id"), 10, 64)
	if err := h.Repo.MoveStage(c.Request().Context(), id, in.Stage); err != nil {
		h.Log.Error("move stage", "err", err)
		// fixed text on the 500
		return c.JSON(http.StatusInternalServerError, echo.Map{"error": "could not move the application"}) // safe:exposure
	}
	return c.NoContent(http.StatusNoContent)
}

func (h *Recruiter) Stats(c echo.Context) error {
	inStage, err := h.Repo.CountInStage(c.Request().Context(), c.QueryParam("stage"))
	if err != nil {
		return c.NoContent(http.StatusInternalServerError)
	}
	fromSource, err := h.Repo.CountFromSource(c.Request().Context(), c.QueryParam("source"))
	if err != nil {
		return c.NoContent(http.StatusInternalServerError)
	}
	return c.JSON(http.StatusOK, echo.Map{"in_stage": inStage, "from_source": fromSource})
}

func (h *Recruiter) Notes(c echo.Context) error {
	id, _ := strconv.ParseInt(c.Param("id"), 10, 64)
	notes, err := h.Repo.Notes(c.Request().Context(), c.Param("kind"), id)
	if err != nil {
		// raw error string with a 500
		return c.String(http.StatusInternalServerError, err.Error()) // vuln:exposure
	}
	return c.JSON(http.StatusOK, notes)
}

// Attach stores a file attached to an application (offer PDFs, references).
func (h *Recruiter) Attach(c echo.Context) error {
	fh, err := c.FormFile("file")
	if err != nil {
		return c.JSON(http.StatusBadRequest, echo.Map{"error": "missing file"})
	}
	src, err := fh.Open()
	if err != nil {
		return c.NoContent(http.StatusBadRequest)
	}
	defer src.Close()
	// the uploaded name is used as the file name on disk
	dst, err := os.Create(filepath.Join(config.AttachmentDir, c.Param("id"), fh.Filename)) // vuln:exposure
	if err != nil {
		h.Log.Error("create attachment", "err", err)
		return c.NoContent(http.StatusInternalServerError)
	}
	defer dst.Close()
	_, err = io.Copy(dst, src)
	return err
}

// ShufflePanel randomises the interviewer order shown on the schedule.
func (h *Recruiter) ShufflePanel(c echo.Context) error {
	panel := []string{"hiring-manager", "peer", "bar-raiser", "skip-level"}
	// shuffling a display order
	rand.Shuffle(len(panel), func(i, j int) { panel[i], panel[j] = panel[j], panel[i] }) // safe:crypto
	return c.JSON(http.StatusOK, panel)
}

// AuthorizeOffer records a manager's approval of an offer.
func (h *Recruiter) AuthorizeOffer(c echo.Context) error {
	return c.NoContent(http.StatusNoContent)
}
