// Package echoresp builds the errors echo handlers return.
package echoresp

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// Internal wraps an error for echo's error handler, which writes its
// message with status 500.
func Internal(err error) error { // want Internal:`respond param 0 text status 500$`
	return echo.NewHTTPError(http.StatusInternalServerError, err.Error())
}

// Status wraps a message with the caller's status.
func Status(code int, msg string) error { // want Status:`respond param 1 status param 0$`
	return &echo.HTTPError{Code: code, Message: msg}
}

// Invalid is a client error.
func Invalid(msg string) error {
	return echo.NewHTTPError(http.StatusBadRequest, msg)
}
