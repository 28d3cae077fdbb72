package app

import "testing"

func TestFind(t *testing.T) {
	s := &Store{}
	_ = s
	q := "x"
	if s.db != nil {
		_, _ = s.db.Query("SELECT " + q + t.Name())
	}
}
