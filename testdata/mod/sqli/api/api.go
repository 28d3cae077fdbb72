package api

import (
	"database/sql"
	"fmt"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/gorilla/mux"
	"github.com/labstack/echo/v4"
)

type Server struct{ db *sql.DB }

func (s *Server) Search(w http.ResponseWriter, r *http.Request) {
	term := r.URL.Query().Get("q")
	rows, err := s.db.Query("SELECT * FROM products WHERE name LIKE '%" + term + "%'") // want `query built with concatenation from request input r.URL.Query\(\).Get\("q"\) reaches \(\*sql.DB\).Query`
	_, _ = rows, err
}

func (s *Server) RawQuery(w http.ResponseWriter, r *http.Request) {
	q := r.FormValue("sql")
	rows, err := s.db.Query(q) // want `query text read from request input r.FormValue\("sql"\) reaches \(\*sql.DB\).Query; never run SQL text from the client`
	_, _ = rows, err
}

func (s *Server) ByID(w http.ResponseWriter, r *http.Request) {
	id := mux.Vars(r)["id"]
	row := s.db.QueryRow("SELECT * FROM products WHERE id = " + id) // want `from request input mux.Vars\(...\)\[...\]`
	_ = row
}

func (s *Server) GinList(c *gin.Context) {
	sort := c.DefaultQuery("sort", "id")
	rows, err := s.db.Query("SELECT * FROM products ORDER BY " + sort) // want `from request input c.DefaultQuery\("sort"\) reaches \(\*sql.DB\).Query; choose the identifier from an allow-list`
	_, _ = rows, err
}

type listReq struct {
	Category string `form:"category"`
	Limit    int    `form:"limit"`
}

func (s *Server) GinBound(c *gin.Context) {
	var req listReq
	if err := c.ShouldBindQuery(&req); err != nil {
		return
	}
	rows, err := s.db.Query(fmt.Sprintf("SELECT * FROM products WHERE category = '%s' LIMIT %d", req.Category, req.Limit)) // want `query built with fmt.Sprintf from field "req.Category"`
	_, _ = rows, err
}

func (s *Server) EchoFind(c echo.Context) error {
	name := c.QueryParam("name")
	_, err := s.db.Query("SELECT * FROM products WHERE name = $1", name)
	return err
}
