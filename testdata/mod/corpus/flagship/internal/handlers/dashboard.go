// Package handlers holds flagship's gin handlers.
package handlers

import (
	"errors"
	"log/slog"
	"net/http"
	"path/filepath"
	"strconv"

	"github.com/gin-gonic/gin"

	"example.com/apivettest/corpus/flagship/internal/authn"
	"example.com/apivettest/corpus/flagship/internal/config"
	"example.com/apivettest/corpus/flagship/internal/flags"
	"example.com/apivettest/corpus/flagship/internal/store"
)

// Dashboard serves the dashboard API.
type Dashboard struct {
	Repo  flags.Repository
	Audit *store.Gorm
	Log   *slog.Logger
}

func projectID(c *gin.Context) uint {
	id, _ := strconv.ParseUint(c.Param("pid"), 10, 64)
	return uint(id)
}

func (d *Dashboard) ListFlags(c *gin.Context) {
	opts := flags.ListOptions{Sort: c.Query("sort"), Dir: c.DefaultQuery("dir", "asc"), Tag: c.Query("tag")}
	out, err := d.Repo.List(c.Request.Context(), projectID(c), opts)
	if err != nil {
		// the database error text with a 500
		c.JSON(http.StatusInternalServerError, gin.H{"error": err.Error()}) // vuln:exposure
		return
	}
	c.JSON(http.StatusOK, out)
}

func (d *Dashboard) ListSorted(c *gin.Context) {
	out, err := d.Repo.ListSorted(c.Request.Context(), projectID(c), c.Query("sort"))
	if err != nil {
		d.Log.Error("list flags", "err", err)
		// fixed text on the 500
		c.JSON(http.StatusInternalServerError, gin.H{"error": "could not list flags"}) // safe:exposure
		return
	}
	c.JSON(http.StatusOK, out)
}

type rolloutRequest struct {
	Percent int `json:"percent" binding:"min=0,max=100"`
}

func (d *Dashboard) SetRollout(c *gin.Context) {
	var in rolloutRequest
	// LimitBody is applied to the whole dashboard engine
	if err := c.ShouldBindJSON(&in); err != nil { // safe:transport
		// the binding error describes the caller's own input
		c.AbortWithStatusJSON(http.StatusBadRequest, gin.H{"error": err.Error()}) // safe:exposure
		return
	}
	id, _ := strconv.ParseUint(c.Param("fid"), 10, 64)
	if err := d.Repo.SetRollout(c.Request.Context(), uint(id), in.Percent); err != nil {
		d.Log.Error("set rollout", "err", err)
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.Status(http.StatusNoContent)
}

type signupRequest struct {
	Email    string `json:"email" binding:"required,email"`
	Password string `json:"password" binding:"required"`
}

func (d *Dashboard) Signup(c *gin.Context) {
	var in signupRequest
	// capped by LimitBody on the engine
	if err := c.ShouldBindJSON(&in); err != nil { // safe:transport
		c.JSON(http.StatusBadRequest, gin.H{"error": "email and password are required"})
		return
	}
	hash, err := authn.HashPassword(in.Password)
	if errors.Is(err, authn.ErrWeakPassword) {
		// the password policy message with a 400
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()}) // safe:exposure
		return
	}
	if err := d.Repo.CreateUser(c.Request.Context(), &flags.User{Email: in.Email, PasswordHash: hash}); err != nil {
		d.Log.Error("signup", "err", err)
		c.JSON(http.StatusInternalServerError, gin.H{"error": "signup failed"})
		return
	}
	c.Status(http.StatusCreated)
}

func (d *Dashboard) ForgotPassword(c *gin.Context) {
	// a form field named "password" is not a secret
	_ = c.PostForm("password") // safe:secrets
	c.Status(http.StatusAccepted)
}

// Import stores an uploaded flag export for the import worker.
func (d *Dashboard) Import(c *gin.Context) {
	file, err := c.FormFile("export")
	if err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": "missing export file"})
		return
	}
	// only the base name of the uploaded file is kept
	if err := c.SaveUploadedFile(file, filepath.Join(config.UploadDir, filepath.Base(file.Filename))); err != nil { // safe:exposure
		d.Log.Error("save import", "err", err)
		c.JSON(http.StatusInternalServerError, gin.H{"error": "could not store the file"})
		return
	}
	c.Status(http.StatusAccepted)
}

// AuditSearch is used by support staff.
func (d *Dashboard) AuditSearch(c *gin.Context) {
	rows, err := d.Audit.AuditSearch(c.Request.Context(), c.Query("actor"))
	if err != nil {
		// %v of the error in a 500 body
		c.String(http.StatusInternalServerError, "audit search failed: %v", err) // vuln:exposure
		return
	}
	c.JSON(http.StatusOK, rows)
}
