// Package store is the clinic's pgx v4 repository.
package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v4/pgxpool"
)

// Store wraps the pool.
type Store struct {
	pool *pgxpool.Pool
}

// Connect opens the pool.
func Connect(ctx context.Context, url string) (*Store, error) {
	p, err := pgxpool.Connect(ctx, url)
	if err != nil {
		return nil, err
	}
	return &Store{pool: p}, nil
}

// Patient is a patient record header.
type Patient struct {
	ID   string
	Name string
	Ward string
}

// FindPatients searches by name within a ward.
func (s *Store) FindPatients(ctx context.Context, ward, name string) ([]Patient, error) {
	where := []string{"ward = $1"}
	args := []interface{}{ward}
	if name != "" {
		args = append(args, "%"+strings.ToLower(name)+"%")
		where = append(where, fmt.Sprintf("lower(name) LIKE $%d", len(args)))
	}
	q := "SELECT id, name, ward FROM patients WHERE " + strings.Join(where, " AND ")
	// the joined pieces are constant SQL with numbered placeholders
	rows, err := s.pool.Query(ctx, q, args...) // safe:sql
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Patient
	for rows.Next() {
		var p Patient
		if err := rows.Scan(&p.ID, &p.Name, &p.Ward); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// Allergies lists allergy codes, filtered by a comma-separated code list.
func (s *Store) Allergies(ctx context.Context, patientID, codes string) ([]string, error) {
	quoted := []string{}
	for _, c := range strings.Split(codes, ",") {
		quoted = append(quoted, "'"+strings.TrimSpace(c)+"'")
	}
	q := "SELECT code FROM allergies WHERE patient_id = $1 AND code IN (" + strings.Join(quoted, ",") + ")"
	// the codes are client input, quoted by hand and joined
	rows, err := s.pool.Query(ctx, q, patientID) // vuln:sql
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// Discharge records a discharge note.
func (s *Store) Discharge(ctx context.Context, patientID, note string) error {
	// both values are bound arguments
	_, err := s.pool.Exec(ctx, "UPDATE admissions SET discharged_at = now(), note = $2 WHERE patient_id = $1 AND discharged_at IS NULL", patientID, note) // safe:sql
	return err
}

// SaveLabResult stores a result from a laboratory.
func (s *Store) SaveLabResult(ctx context.Context, patientID, test, value string) error {
	q := fmt.Sprintf("INSERT INTO lab_results (patient_id, test, value) VALUES ('%s', '%s', '%s')", patientID, test, value)
	// values from the laboratory's message are formatted into the statement
	_, err := s.pool.Exec(ctx, q) // vuln:sql
	return err
}
