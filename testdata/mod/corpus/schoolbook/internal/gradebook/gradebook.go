// Package gradebook declares the storage schoolbook needs; pgstore implements it.
package gradebook

import "context"

type Student struct {
	ID         int64  `json:"id"`
	FirstName  string `json:"first_name"`
	LastName   string `json:"last_name"`
	GradeLevel int    `json:"grade_level"`
	AccessCode string `json:"-"`
}

type Grade struct {
	StudentID  int64   `json:"student_id"`
	Assignment string  `json:"assignment"`
	Score      float64 `json:"score"`
}

type RosterFilter struct {
	GradeLevel int
	Homeroom   string
	Sort       string
}

type Store interface {
	Grades(ctx context.Context, classID int64) ([]Grade, error)
	RosterByPrefix(ctx context.Context, prefix string) ([]Student, error)
	Roster(ctx context.Context, f RosterFilter) ([]Student, error)
	SaveGrades(ctx context.Context, classID int64, grades []Grade) error
	Attendance(ctx context.Context, term int) (map[int64]int, error)
	Export(ctx context.Context, table string) ([]map[string]any, error)
	Student(ctx context.Context, id int64) (*Student, error)
}
