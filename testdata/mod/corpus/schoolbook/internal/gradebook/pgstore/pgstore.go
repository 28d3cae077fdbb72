// Package pgstore implements gradebook.Store with database/sql and lib/pq.
package pgstore

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	_ "github.com/lib/pq"

	"example.com/apivettest/corpus/schoolbook/internal/gradebook"
)

type Store struct{ db *sql.DB }

var _ gradebook.Store = (*Store)(nil)

func Open(dsn string) (*Store, error) {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, fmt.Errorf("pgstore: %w", err)
	}
	return &Store{db: db}, nil
}

func scanStudents(rows *sql.Rows) ([]gradebook.Student, error) {
	defer rows.Close()
	var out []gradebook.Student
	for rows.Next() {
		var s gradebook.Student
		if err := rows.Scan(&s.ID, &s.FirstName, &s.LastName, &s.GradeLevel); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

func (s *Store) Grades(ctx context.Context, classID int64) ([]gradebook.Grade, error) {
	// placeholder with the class id
	rows, err := s.db.QueryContext(ctx, `SELECT student_id, assignment, score FROM grades WHERE class_id = $1`, classID) // safe:sql
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []gradebook.Grade
	for rows.Next() {
		var g gradebook.Grade
		if err := rows.Scan(&g.StudentID, &g.Assignment, &g.Score); err != nil {
			return nil, err
		}
		out = append(out, g)
	}
	return out, rows.Err()
}

func (s *Store) RosterByPrefix(ctx context.Context, prefix string) ([]gradebook.Student, error) {
	q := "SELECT id, first_name, last_name, grade_level FROM students WHERE last_name ILIKE '" + prefix + "%' ORDER BY last_name"
	// the typed prefix is pasted into the LIKE pattern
	rows, err := s.db.QueryContext(ctx, q) // vuln:sql
	if err != nil {
		return nil, err
	}
	return scanStudents(rows)
}

var rosterSort = map[string]string{"last": "last_name, first_name", "first": "first_name, last_name", "grade": "grade_level, last_name"}

func (s *Store) Roster(ctx context.Context, f gradebook.RosterFilter) ([]gradebook.Student, error) {
	var (
		b    strings.Builder
		args []any
	)
	b.WriteString("SELECT id, first_name, last_name, grade_level FROM students WHERE active")
	if f.GradeLevel > 0 {
		args = append(args, f.GradeLevel)
		fmt.Fprintf(&b, " AND grade_level = $%d", len(args))
	}
	if f.Homeroom != "" {
		args = append(args, f.Homeroom)
		fmt.Fprintf(&b, " AND homeroom = $%d", len(args))
	}
	order, ok := rosterSort[f.Sort]
	if !ok {
		order = rosterSort["last"]
	}
	b.WriteString(" ORDER BY " + order)
	// placeholders numbered with %d, values as arguments, ORDER BY from a map
	rows, err := s.db.QueryContext(ctx, b.String(), args...) // safe:sql
	if err != nil {
		return nil, err
	}
	return scanStudents(rows)
}

func (s *Store) SaveGrades(ctx context.Context, classID int64, grades []gradebook.Grade) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// a constant statement, prepared once
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO grades (class_id, student_id, assignment, score) VALUES ($1, $2, $3, $4) ON CONFLICT (class_id, student_id, assignment) DO UPDATE SET score = EXCLUDED.score`) // safe:sql
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, g := range grades {
		if _, err := stmt.ExecContext(ctx, classID, g.StudentID, g.Assignment, g.Score); err != nil {
			return fmt.Errorf("save grade for %d: %w", g.StudentID, err)
		}
	}
	return tx.Commit()
}

func (s *Store) Attendance(ctx context.Context, term int) (map[int64]int, error) {
	// the term is an int formatted with %d
	rows, err := s.db.QueryContext(ctx, fmt.Sprintf("SELECT student_id, count(*) FROM absences WHERE term = %d GROUP BY student_id", term)) // safe:sql
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]int{}
	for rows.Next() {
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, err
		}
		out[id] = n
	}
	return out, rows.Err()
}

// Export dumps a table for the district's data warehouse.
func (s *Store) Export(ctx context.Context, table string) ([]map[string]any, error) {
	// the table name comes from the URL
	rows, err := s.db.QueryContext(ctx, "SELECT * FROM "+table) // vuln:sql
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out []map[string]any
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		m := map[string]any{}
		for i, c := range cols {
			m[c] = vals[i]
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

func (s *Store) Student(ctx context.Context, id int64) (*gradebook.Student, error) {
	var st gradebook.Student
	err := s.db.QueryRowContext(ctx, `SELECT id, first_name, last_name, grade_level, access_code FROM students WHERE id = $1`, id).
		Scan(&st.ID, &st.FirstName, &st.LastName, &st.GradeLevel, &st.AccessCode)
	return &st, err
}
