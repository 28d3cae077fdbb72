// Package courses is the gorm repository of courses and scores.
package courses

import (
	"context"

	"gorm.io/driver/postgres"
	"gorm.io/gorm"
)

// Score is a learner's score in a course.
type Score struct {
	CourseID uint
	Learner  string
	Value    float64
}

// Repo wraps the gorm handle.
type Repo struct {
	db *gorm.DB
}

// Open connects.
func Open(dsn string) (*Repo, error) {
	db, err := gorm.Open(postgres.Open(dsn), &gorm.Config{})
	return &Repo{db: db}, err
}

// PopularCourses lists courses with at least n learners.
func (r *Repo) PopularCourses(ctx context.Context, n int) ([]uint, error) {
	var ids []uint
	// a placeholder in Having
	err := r.db.WithContext(ctx).Model(&Score{}).Group("course_id").Having("count(*) >= ?", n).Pluck("course_id", &ids).Error // safe:sql
	return ids, err
}

// HardCourses lists courses whose average score is under minScore.
func (r *Repo) HardCourses(ctx context.Context, minScore string) ([]uint, error) {
	var ids []uint
	// minScore is the raw query-string value
	err := r.db.WithContext(ctx).Model(&Score{}).Group("course_id").Having("avg(value) < "+minScore).Pluck("course_id", &ids).Error // vuln:sql
	return ids, err
}

// ByLearner lists a learner's scores, filtered by course when given.
func (r *Repo) ByLearner(ctx context.Context, learner string, courseID uint) ([]Score, error) {
	q := r.db.WithContext(ctx).Where(&Score{Learner: learner})
	if courseID != 0 {
		q = q.Where("course_id = ?", courseID)
	}
	var out []Score
	err := q.Find(&out).Error
	return out, err
}
