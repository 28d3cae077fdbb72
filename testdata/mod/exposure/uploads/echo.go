package uploads

import (
	"io"
	"net/http"
	"os"
	"path/filepath"

	"github.com/labstack/echo/v4"
)

// EchoUpload is echo's upload cookbook.
func EchoUpload(c echo.Context) error {
	file, err := c.FormFile("file")
	if err != nil {
		return err
	}
	src, err := file.Open()
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := os.Create(file.Filename) // want `AV902 medium: file.Filename, the file name the client sent, is used in the path given to os.Create`
	if err != nil {
		return err
	}
	defer dst.Close()
	_, err = io.Copy(dst, src)
	return err
}

// EchoBase keeps the last element only.
func EchoBase(c echo.Context) error {
	file, err := c.FormFile("file")
	if err != nil {
		return err
	}
	dst, err := os.Create(filepath.Join("/srv/files", filepath.Base(file.Filename)))
	if err != nil {
		return err
	}
	defer dst.Close()
	return c.NoContent(http.StatusCreated)
}
