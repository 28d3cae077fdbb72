// Package handlers holds the shop's HTTP handlers; the routes live in
// package api and the middleware in the commands that serve them.
package handlers

import (
	"encoding/json"
	"io"
	"net/http"

	"github.com/gin-gonic/gin"
)

type product struct {
	Name  string `json:"name"`
	Price int64  `json:"price"`
}

// Handler serves products.
type Handler struct{}

// Create adds a product.
func (h *Handler) Create(c *gin.Context) {
	var p product
	if err := c.ShouldBindJSON(&p); err != nil { // want `AV805 medium: c.ShouldBindJSON\(&p\) reads the request body of POST /products with no size limit`
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	c.JSON(http.StatusCreated, p)
}

// Update changes a product through the package's decoding helper.
func (h *Handler) Update(c *gin.Context) {
	var p product
	if err := decode(c.Request, &p); err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
	}
}

func decode(r *http.Request, v any) error {
	data, err := io.ReadAll(r.Body) // want `AV805 medium: io.ReadAll\(r.Body\) reads the request body of PUT /products/:id with no size limit`
	if err != nil {
		return err
	}
	return json.Unmarshal(data, v)
}

// Import loads a catalog export.
func (h *Handler) Import(c *gin.Context) {
	//apivet:ignore AV805 imports run behind the VPN and the proxy caps bodies at 10 MiB
	raw, _ := c.GetRawData()
	_ = raw
}

// Upload is mounted under a limited group.
func (h *Handler) Upload(c *gin.Context) {
	raw, _ := c.GetRawData()
	_ = raw
}

// Ingest is a plain net/http handler that commands mount directly.
func Ingest(w http.ResponseWriter, r *http.Request) {
	var p product
	_ = json.NewDecoder(r.Body).Decode(&p) // want `AV805 medium: json.NewDecoder\(r.Body\).Decode\(&p\) reads the request body of POST /ingest with no size limit`
}

// Bounded bounds the body itself.
func Bounded(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	var p product
	_ = json.NewDecoder(r.Body).Decode(&p)
}
