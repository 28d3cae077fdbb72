// Package echoapi serves the bookings API with echo.
package echoapi

import (
	"context"
	"database/sql"
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"
)

// Booking is a row of the bookings table.
type Booking struct {
	ID   int64  `json:"id"`
	Room string `json:"room"`
}

// Server holds the database handle.
type Server struct {
	db *sql.DB
}

func (s *Server) load(ctx context.Context, id string) (*Booking, error) {
	var b Booking
	err := s.db.QueryRowContext(ctx, "SELECT id, room FROM bookings WHERE id = $1", id).Scan(&b.ID, &b.Room)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errNotFound
	}
	if err != nil {
		return nil, err
	}
	return &b, nil
}

var errNotFound = errors.New("booking not found")

// Get returns one booking.
func (s *Server) Get(c echo.Context) error {
	b, err := s.load(c.Request().Context(), c.Param("id"))
	if errors.Is(err, errNotFound) {
		return echo.NewHTTPError(http.StatusNotFound, err.Error())
	}
	if err != nil {
		return c.JSON(http.StatusInternalServerError, map[string]string{"error": err.Error()}) // want `AV901 medium: err.Error\(\) is written to the client with status 500 by c.JSON`
	}
	return c.JSON(http.StatusOK, b)
}

// Create stores a booking.
func (s *Server) Create(c echo.Context) error {
	var b Booking
	if err := c.Bind(&b); err != nil {
		return echo.NewHTTPError(http.StatusBadRequest, err.Error())
	}
	if _, err := s.db.ExecContext(c.Request().Context(), "INSERT INTO bookings(room) VALUES ($1)", b.Room); err != nil {
		return echo.NewHTTPError(http.StatusInternalServerError, err.Error()) // want `AV901 medium: err.Error\(\) is written to the client with status 500 through echo.NewHTTPError \(the error handler writes its message\)`
	}
	return c.JSON(http.StatusCreated, b)
}

// Cancel passes the error itself as the message: echo writes its text.
func (s *Server) Cancel(c echo.Context) error {
	if _, err := s.db.ExecContext(c.Request().Context(), "DELETE FROM bookings WHERE id = $1", c.Param("id")); err != nil {
		return echo.NewHTTPError(http.StatusInternalServerError, err) // want `AV901 medium: the text of err is written to the client with status 500 through echo.NewHTTPError`
	}
	return c.NoContent(http.StatusNoContent)
}

// Rooms calls the room service.
func (s *Server) Rooms(c echo.Context) error {
	resp, err := http.Get("http://rooms.internal/v1/rooms")
	if err != nil {
		return c.String(http.StatusBadGateway, "rooms service: "+err.Error()) // want `AV901 medium: err.Error\(\) is written to the client with status 502 by c.String`
	}
	defer resp.Body.Close()
	return c.Stream(http.StatusOK, "application/json", resp.Body)
}

// Literal builds echo's error by hand.
func (s *Server) Literal(c echo.Context) error {
	if err := s.db.PingContext(c.Request().Context()); err != nil {
		return &echo.HTTPError{Code: http.StatusServiceUnavailable, Message: err.Error()} // want `AV901 medium: err.Error\(\) is written to the client with status 503 through echo.HTTPError`
	}
	return c.NoContent(http.StatusOK)
}

// errorHandler is installed as e.HTTPErrorHandler: every error's text
// reaches the client.
func errorHandler(err error, c echo.Context) {
	_ = c.JSON(http.StatusInternalServerError, map[string]any{"error": err.Error()}) // want `AV901 medium: err.Error\(\) is written to the client with status 500 by c.JSON`
}

// New wires the instance.
func New(s *Server) *echo.Echo {
	e := echo.New()
	e.HTTPErrorHandler = errorHandler
	e.GET("/bookings/:id", s.Get)
	return e
}

// --- safe look-alikes ---

// Internal keeps the cause internal.
func (s *Server) Internal(c echo.Context) error {
	if _, err := s.load(c.Request().Context(), "1"); err != nil {
		return echo.NewHTTPError(http.StatusInternalServerError, "could not load booking").SetInternal(err)
	}
	return nil
}

// Returned lets echo's default handler answer "Internal Server Error".
func (s *Server) Returned(c echo.Context) error {
	if _, err := s.load(c.Request().Context(), "2"); err != nil {
		return err
	}
	return nil
}

// Generic wraps with echo's predefined error.
func (s *Server) Generic(c echo.Context) error {
	if _, err := s.load(c.Request().Context(), "3"); err != nil {
		return echo.ErrInternalServerError.WithInternal(err)
	}
	return nil
}

// Install sets a handler that only answers with the status text.
func Install(e *echo.Echo) {
	e.HTTPErrorHandler = func(err error, c echo.Context) {
		code := http.StatusInternalServerError
		var he *echo.HTTPError
		if errors.As(err, &he) {
			code = he.Code
		}
		c.Logger().Error(err)
		_ = c.JSON(code, map[string]string{"error": http.StatusText(code)})
	}
}
