// Package ginapi serves the users API with gin.
package ginapi

import (
	"errors"
	"fmt"
	"log"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"example.com/apivettest/exposure/store"
)

// ErrInternal is the generic answer.
var ErrInternal = errors.New("internal error")

// Handler serves /users.
type Handler struct {
	users store.Users
	debug bool
}

type createUserRequest struct {
	Email string `json:"email" binding:"required,email"`
	Name  string `json:"name"`
}

// Validate checks the request beyond the binding tags.
func (r createUserRequest) Validate() error {
	if len(r.Name) > 200 {
		return errors.New("name is too long")
	}
	return nil
}

type errorResponse struct {
	Error   string `json:"error"`
	Details string `json:"details,omitempty"`
}

// Get returns one user.
func (h *Handler) Get(c *gin.Context) {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return
	}
	u, err := h.users.Find(c.Request.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		c.JSON(http.StatusNotFound, gin.H{"error": err.Error()})
		return
	}
	if err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": err.Error()}) // want `AV901 medium: err.Error\(\) is written to the client with status 500 by c.JSON: internal details leak to the caller; log the error and return a generic message`
		return
	}
	c.JSON(http.StatusOK, u)
}

// Create adds a user.
func (h *Handler) Create(c *gin.Context) {
	var req createUserRequest
	if err := c.ShouldBindJSON(&req); err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return
	}
	if err := req.Validate(); err != nil {
		c.AbortWithStatusJSON(http.StatusUnprocessableEntity, gin.H{"error": err.Error()})
		return
	}
	u := &store.User{Email: req.Email, Name: req.Name}
	if err := h.users.Create(c.Request.Context(), u); err != nil {
		c.AbortWithStatusJSON(http.StatusInternalServerError, gin.H{ // want `AV901 medium: err.Error\(\) is written to the client with status 500 by c.AbortWithStatusJSON`
			"error":   "could not create user",
			"details": err.Error(),
		})
		return
	}
	c.JSON(http.StatusCreated, u)
}

// Delete removes a user.
func (h *Handler) Delete(c *gin.Context) {
	id, _ := strconv.ParseInt(c.Param("id"), 10, 64)
	if err := h.users.Delete(c.Request.Context(), id); err != nil {
		c.String(http.StatusInternalServerError, "delete failed: %v", err) // want `AV901 medium: the text of err is written to the client with status 500 by c.String`
		return
	}
	c.Status(http.StatusNoContent)
}

// Export wraps the error before answering.
func (h *Handler) Export(c *gin.Context) {
	u, err := h.users.Find(c.Request.Context(), 1)
	if err != nil {
		err = fmt.Errorf("export user: %w", err)
		c.JSON(http.StatusInternalServerError, errorResponse{Error: "export failed", Details: err.Error()}) // want `AV901 medium: err.Error\(\) is written to the client with status 500 by c.JSON`
		return
	}
	c.JSON(http.StatusOK, u)
}

// Upstream answers 502 or 504 when the mail provider fails.
func (h *Handler) Upstream(c *gin.Context) {
	err := sendWelcome(c)
	if err != nil {
		code := http.StatusBadGateway
		if errors.Is(err, errTimeout) {
			code = http.StatusGatewayTimeout
		}
		c.IndentedJSON(code, gin.H{"error": "mail provider: " + err.Error()}) // want `AV901 medium: err.Error\(\) is written to the client with status 502 by c.IndentedJSON`
	}
}

var errTimeout = errors.New("timeout")

func sendWelcome(c *gin.Context) error {
	resp, err := http.Get("https://mail.internal/welcome?to=" + c.Query("email"))
	if err != nil {
		return fmt.Errorf("mail provider: %w", err)
	}
	defer resp.Body.Close()
	return nil
}

// Steps builds the response field by field.
func (h *Handler) Steps(c *gin.Context) {
	_, err := h.users.Find(c.Request.Context(), 2)
	if err != nil {
		var resp errorResponse
		resp.Error = "lookup failed"
		resp.Details = err.Error()
		c.JSON(http.StatusInternalServerError, resp) // want `AV901 medium: err.Error\(\) is written to the client with status 500 by c.JSON`
	}
}

func errorBody(err error) gin.H {
	return gin.H{"error": err.Error()}
}

// Helper builds the body in a helper.
func (h *Handler) Helper(c *gin.Context) {
	if _, err := h.users.Find(c.Request.Context(), 3); err != nil {
		c.JSON(http.StatusInternalServerError, errorBody(err)) // want `AV901 medium: the text of err is written to the client with status 500 by c.JSON`
	}
}

// fail answers with the error's text and a status the caller picks.
func (h *Handler) fail(c *gin.Context, code int, err error) {
	c.AbortWithStatusJSON(code, gin.H{"error": err.Error()})
}

// Fails calls the helper with different statuses and errors.
func (h *Handler) Fails(c *gin.Context) {
	if c.Query("q") == "" {
		h.fail(c, http.StatusBadRequest, errors.New("q is required"))
		return
	}
	if _, err := h.users.Find(c.Request.Context(), 4); err != nil {
		h.fail(c, http.StatusInternalServerError, err) // want `AV901 medium: the text of err is written to the client with status 500 by h.fail`
		return
	}
	if _, err := h.users.Find(c.Request.Context(), 5); err != nil {
		h.fail(c, http.StatusNotFound, err)
		return
	}
	h.fail(c, http.StatusServiceUnavailable, errors.New("maintenance window, retry later"))
}

// Admin shows the cause to operators on purpose.
func (h *Handler) Admin(c *gin.Context) {
	if _, err := h.users.Find(c.Request.Context(), 6); err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": err.Error()}) //apivet:ignore AV901 admin-only API behind the VPN, operators need the cause
	}
}

// Reuse checks the binding, then the store, through one err.
func (h *Handler) Reuse(c *gin.Context) {
	var req createUserRequest
	err := c.ShouldBindJSON(&req)
	if err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": err.Error()})
		return
	}
	err = h.users.Create(c.Request.Context(), &store.User{Email: req.Email})
	if err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": err.Error()}) // want `AV901 medium: err.Error\(\) is written to the client with status 500 by c.JSON`
	}
}

// Branch sets err on either path.
func (h *Handler) Branch(c *gin.Context) {
	var err error
	if c.Query("hard") != "" {
		err = h.users.Delete(c.Request.Context(), 1)
	} else {
		err = errors.New("soft delete is not supported")
	}
	if err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": err.Error()}) // want `AV901 medium: err.Error\(\) is written to the client with status 500 by c.JSON`
	}
}

// Recovery answers a panic with its value.
func Recovery() gin.HandlerFunc {
	return func(c *gin.Context) {
		defer func() {
			if r := recover(); r != nil {
				c.AbortWithStatusJSON(http.StatusInternalServerError, gin.H{"error": fmt.Sprint("panic: ", r)}) // want `AV901 medium: the recovered panic value is written to the client with status 500 by c.AbortWithStatusJSON`
			}
		}()
		c.Next()
	}
}

// --- safe look-alikes ---

// Logged logs the cause and answers generically.
func (h *Handler) Logged(c *gin.Context) {
	if _, err := h.users.Find(c.Request.Context(), 7); err != nil {
		log.Printf("find user: %v", err)
		c.JSON(http.StatusInternalServerError, gin.H{"error": "internal error"})
		return
	}
}

// Attached hands the error to gin's error list: gin writes no text.
func (h *Handler) Attached(c *gin.Context) {
	if _, err := h.users.Find(c.Request.Context(), 8); err != nil {
		_ = c.AbortWithError(http.StatusInternalServerError, err)
		return
	}
}

// Mixed picks 409 or 500: not every status is 5xx.
func (h *Handler) Mixed(c *gin.Context) {
	err := h.users.Create(c.Request.Context(), &store.User{})
	if err != nil {
		status := http.StatusInternalServerError
		if errors.Is(err, store.ErrConflict) {
			status = http.StatusConflict
		}
		c.JSON(status, gin.H{"error": err.Error()})
	}
}

// Own writes an error the handler made itself.
func (h *Handler) Own(c *gin.Context) {
	if c.GetHeader("X-Tenant") == "" {
		err := errors.New("payment provider unavailable for this tenant")
		c.JSON(http.StatusServiceUnavailable, gin.H{"error": err.Error()})
		return
	}
	c.JSON(http.StatusInternalServerError, gin.H{"error": ErrInternal.Error()})
}

// Debug adds the cause only in debug mode.
func (h *Handler) Debug(c *gin.Context) {
	if _, err := h.users.Find(c.Request.Context(), 9); err != nil {
		resp := gin.H{"error": "internal error"}
		if h.debug {
			resp["cause"] = err.Error()
		}
		c.JSON(http.StatusInternalServerError, resp)
	}
}

// BindOn500 answers a binding error with the wrong status: the text is
// about the request, not the service.
func (h *Handler) BindOn500(c *gin.Context) {
	var req createUserRequest
	if err := c.ShouldBindJSON(&req); err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": err.Error()})
	}
}

// RawError encodes the error value: {} for errors without exported fields.
func (h *Handler) RawError(c *gin.Context) {
	if _, err := h.users.Find(c.Request.Context(), 10); err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": err})
	}
}
