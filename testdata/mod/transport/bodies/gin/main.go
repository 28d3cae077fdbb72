// Command shop serves the shop API with gin.
package main

import (
	"log"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/gin-gonic/gin/binding"

	"example.com/apivettest/transport/bodies/limits"
)

type order struct {
	SKU string `json:"sku"`
	Qty int    `json:"qty"`
}

type search struct {
	Q string `form:"q"`
}

type handler struct{}

func (h *handler) createOrder(c *gin.Context) {
	var o order
	if err := c.ShouldBindJSON(&o); err != nil { // want `AV805 medium: c.ShouldBindJSON\(&o\) reads the request body of POST /api/orders with no size limit; add a middleware that sets c.Request.Body = http.MaxBytesReader`
		c.JSON(http.StatusBadRequest, gin.H{"error": "invalid order"})
		return
	}
	c.JSON(http.StatusCreated, o)
}

func (h *handler) importOrders(c *gin.Context) {
	raw, err := c.GetRawData() // want `AV805 medium: c.GetRawData\(\) reads the request body of POST /api/orders/import`
	if err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	_ = raw
}

func (h *handler) patchOrder(c *gin.Context) {
	var o order
	if err := c.ShouldBindWith(&o, binding.JSON); err != nil { // want `AV805 medium: c.ShouldBindWith\(&o, binding.JSON\) reads the request body of PATCH /api/orders/:id`
		c.AbortWithStatus(http.StatusBadRequest)
	}
}

func (h *handler) bindAny(c *gin.Context) {
	var o order
	c.Bind(&o) // want `AV805 medium: c.Bind\(&o\) reads the request body of PUT /api/orders/:id`
}

// --- safe look-alikes ---

func (h *handler) search(c *gin.Context) {
	var q search
	if err := c.ShouldBindQuery(&q); err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	if err := c.ShouldBindWith(&q, binding.Query); err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
	}
}

func (h *handler) createReview(c *gin.Context) {
	var o order
	_ = c.ShouldBindJSON(&o)
}

func (h *handler) createTicket(c *gin.Context) {
	var o order
	_ = c.BindJSON(&o)
}

func (h *handler) createReturn(c *gin.Context) {
	var o order
	_ = c.ShouldBind(&o)
}

func (h *handler) showOrder(c *gin.Context) {
	var o order
	// A GET route: gin binds the query string here.
	_ = c.ShouldBind(&o)
}

func main() {
	h := &handler{}
	r := gin.New()
	r.MaxMultipartMemory = 8 << 20 // bounds memory per part, not the body
	r.Use(gin.Logger(), limits.RequestID())

	api := r.Group("/api")
	api.POST("/orders", h.createOrder)
	api.POST("/orders/import", h.importOrders)
	api.PATCH("/orders/:id", h.patchOrder)
	api.PUT("/orders/:id", h.bindAny)
	api.POST("/search", h.search)
	api.GET("/orders/:id", h.showOrder)

	// Bounded on the group, by the shared middleware of another package.
	reviews := r.Group("/reviews", limits.MaxBody(1<<20))
	reviews.POST("", h.createReview)

	// Bounded per route.
	r.POST("/tickets", limits.MaxBody(64<<10), h.createTicket)

	// Bounded for every later route of the engine.
	r.Use(limits.MaxBody(1 << 20))
	r.POST("/returns", h.createReturn)

	srv := &http.Server{Addr: ":8080", Handler: r, ReadHeaderTimeout: 5 * time.Second}
	log.Fatal(srv.ListenAndServe())
}
