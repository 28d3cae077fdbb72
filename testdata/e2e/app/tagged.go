//go:build integration

package app

func (s *Store) Tagged(id string) {
	_, _ = s.db.Exec("DELETE FROM t WHERE id = " + id)
}
