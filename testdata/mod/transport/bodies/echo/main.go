// Command billing serves invoices with echo.
package main

import (
	"io"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

type invoice struct {
	Customer string `json:"customer"`
	Cents    int64  `json:"cents"`
}

func createInvoice(c echo.Context) error {
	var inv invoice
	if err := c.Bind(&inv); err != nil { // want `AV805 medium: c.Bind\(&inv\) reads the request body of POST /v1/invoices with no size limit; add middleware.BodyLimit to the server or the group`
		return echo.NewHTTPError(http.StatusBadRequest, "invalid invoice")
	}
	return c.JSON(http.StatusCreated, inv)
}

func uploadReceipt(c echo.Context) error {
	data, err := io.ReadAll(c.Request().Body) // want `AV805 medium: io.ReadAll\(c.Request\(\).Body\) reads the request body of PUT /v1/invoices/:id/receipt`
	if err != nil {
		return err
	}
	_ = data
	return c.NoContent(http.StatusNoContent)
}

// --- safe look-alikes ---

func refund(c echo.Context) error {
	var inv invoice
	return c.Bind(&inv)
}

func dispute(c echo.Context) error {
	var inv invoice
	return c.Bind(&inv)
}

func newAdmin() *echo.Echo {
	e := echo.New()
	e.Use(middleware.BodyLimit("2M"))
	e.POST("/admin/disputes", dispute)
	return e
}

func main() {
	e := echo.New()
	e.Use(middleware.Logger(), middleware.Recover())
	v1 := e.Group("/v1")
	v1.POST("/invoices", createInvoice)
	v1.PUT("/invoices/:id/receipt", uploadReceipt)

	refunds := e.Group("/refunds", middleware.BodyLimit("512K"))
	refunds.POST("", refund)

	go func() {
		admin := newAdmin()
		admin.Server.ReadHeaderTimeout = 5 * time.Second
		admin.Logger.Fatal(admin.Start(":9090"))
	}()

	e.Server.ReadHeaderTimeout = 5 * time.Second
	e.Logger.Fatal(e.Start(":8080"))
}
