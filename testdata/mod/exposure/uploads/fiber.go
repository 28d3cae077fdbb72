package uploads

import (
	"fmt"
	"path/filepath"

	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"
)

// FiberUpload saves an invoice PDF.
func FiberUpload(c *fiber.Ctx) error {
	file, err := c.FormFile("invoice")
	if err != nil {
		return fiber.ErrBadRequest
	}
	return c.SaveFile(file, fmt.Sprintf("./invoices/%s", file.Filename)) // want `AV902 medium: file.Filename, the file name the client sent, is used in the path given to c.SaveFile`
}

// FiberGenerated stores under a generated name.
func FiberGenerated(c *fiber.Ctx) error {
	file, err := c.FormFile("invoice")
	if err != nil {
		return fiber.ErrBadRequest
	}
	return c.SaveFile(file, "./invoices/"+uuid.New().String()+filepath.Ext(file.Filename))
}
