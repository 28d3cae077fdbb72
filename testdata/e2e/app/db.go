// Package app is the end-to-end fixture: a small service with known
// findings.
package app

import (
	"database/sql"
	"fmt"
	"net/http"
)

type Store struct{ db *sql.DB }

func (s *Store) Find(name string) (*sql.Rows, error) {
	return s.db.Query("SELECT * FROM users WHERE name = '" + name + "'")
}

func (s *Store) Search(w http.ResponseWriter, r *http.Request) {
	q := fmt.Sprintf("SELECT * FROM items WHERE title LIKE '%%%s%%'", r.URL.Query().Get("q"))
	rows, err := s.db.Query(q)
	_, _ = rows, err
}

func (s *Store) Safe(name string) (*sql.Rows, error) {
	return s.db.Query("SELECT * FROM users WHERE name = $1", name)
}

func (s *Store) Admin(view string) (*sql.Rows, error) {
	//apivet:ignore AV301 view names come from the admin CLI's fixed list
	return s.db.Query("SELECT * FROM " + view)
}

//apivet:ignore AV301
var _ = 0
