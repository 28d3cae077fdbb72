// Package mysql implements the repository with database/sql and MySQL.
package mysql

import (
	"context"
	"database/sql"
	"fmt"

	_ "github.com/go-sql-driver/mysql"

	"example.com/apivettest/corpus/hireloop/internal/repository"
)

type Repo struct{ db *sql.DB }

var _ repository.Applications = (*Repo)(nil)

func Open(dsn string) (*Repo, error) {
	db, err := sql.Open("mysql", dsn)
	if err != nil {
		return nil, fmt.Errorf("mysql: %w", err)
	}
	return &Repo{db: db}, nil
}

const appCols = "id, job_id, candidate_id, name, email, stage, source, created_at"

func scanApps(rows *sql.Rows) ([]repository.Application, error) {
	defer rows.Close()
	var out []repository.Application
	for rows.Next() {
		var a repository.Application
		if err := rows.Scan(&a.ID, &a.JobID, &a.CandidateID, &a.Name, &a.Email, &a.Stage, &a.Source, &a.CreatedAt); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

func orderBy(sort string) string {
	switch sort {
	case "name":
		return "name ASC"
	case "newest":
		return "created_at DESC"
	case "stage":
		return "stage ASC, created_at DESC"
	}
	return "created_at ASC"
}

func (r *Repo) ForJob(ctx context.Context, jobID int64, sort string) ([]repository.Application, error) {
	q := "SELECT " + appCols + " FROM applications WHERE job_id = ? ORDER BY " + orderBy(sort)
	// the ORDER BY clause comes from a switch of constants
	rows, err := r.db.QueryContext(ctx, q, jobID) // safe:sql
	if err != nil {
		return nil, err
	}
	return scanApps(rows)
}

func (r *Repo) Search(ctx context.Context, jobID int64, name string) ([]repository.Application, error) {
	// the search text is concatenated into the argument, not the SQL
	rows, err := r.db.QueryContext(ctx, "SELECT "+appCols+" FROM applications WHERE job_id = ? AND name LIKE ?", jobID, "%"+name+"%") // safe:sql
	if err != nil {
		return nil, err
	}
	return scanApps(rows)
}

func (r *Repo) MoveStage(ctx context.Context, id int64, stage string) error {
	tx, err := r.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// the stage name from the request body is quoted into the UPDATE
	if _, err := tx.ExecContext(ctx, "UPDATE applications SET stage = '"+stage+"' WHERE id = ?", id); err != nil { // vuln:sql
		return fmt.Errorf("move stage: %w", err)
	}
	// constant statement with placeholders in the same transaction
	if _, err := tx.ExecContext(ctx, "INSERT INTO stage_history (application_id, stage) VALUES (?, ?)", id, stage); err != nil { // safe:sql
		return fmt.Errorf("stage history: %w", err)
	}
	return tx.Commit()
}

// count runs a COUNT over applications with a caller-supplied condition.
func (r *Repo) count(ctx context.Context, where string, args ...any) (int, error) {
	var n int
	// the helper passes its where text through; callers decide what it holds
	err := r.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM applications WHERE "+where, args...).Scan(&n) // safe:sql
	return n, err
}

func (r *Repo) CountInStage(ctx context.Context, stage string) (int, error) {
	// a constant condition with a placeholder
	return r.count(ctx, "stage = ?", stage) // safe:sql
}

func (r *Repo) CountFromSource(ctx context.Context, source string) (int, error) {
	// the source query parameter is quoted into the condition handed to the helper
	return r.count(ctx, "source = '"+source+"'") // vuln:sql
}

func (r *Repo) Notes(ctx context.Context, kind string, applicationID int64) ([]string, error) {
	// the notes table is chosen by the {kind} path segment
	stmt, err := r.db.PrepareContext(ctx, fmt.Sprintf("SELECT body FROM %s_notes WHERE application_id = ?", kind)) // vuln:sql
	if err != nil {
		return nil, err
	}
	defer stmt.Close()
	rows, err := stmt.QueryContext(ctx, applicationID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

func (r *Repo) Create(ctx context.Context, a *repository.Application) (int64, error) {
	res, err := r.db.ExecContext(ctx, "INSERT INTO applications (job_id, name, email, stage, source) VALUES (?, ?, ?, 'applied', ?)", a.JobID, a.Name, a.Email, a.Source)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

func (r *Repo) SetCandidatePassword(ctx context.Context, candidateID int64, hash []byte) error {
	_, err := r.db.ExecContext(ctx, "UPDATE candidates SET password_hash = ? WHERE id = ?", hash, candidateID)
	return err
}
