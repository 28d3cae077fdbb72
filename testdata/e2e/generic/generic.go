package generic

import "database/sql"

type Repo[T any] struct{ db *sql.DB }

func (r *Repo[T]) Count(table string) (*sql.Rows, error) {
	return r.db.Query("SELECT count(*) FROM " + table)
}

func Map[T, U any](xs []T, f func(T) U) []U {
	var out []U
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}
