// Package tenants stores tenants and their users in Postgres through
// database/sql and lib/pq.
package tenants

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/lib/pq"
)

// User is a tenant's user.
type User struct {
	ID     int64  `json:"id"`
	Email  string `json:"email"`
	Role   string `json:"role"`
	Status string `json:"status"`
}

// Filter narrows the user list.
type Filter struct {
	Query  string
	Roles  []string
	Status string
}

// Repo is the tenant repository.
type Repo struct{ db *sql.DB }

// Open connects through lib/pq.
func Open(url string) (*Repo, error) {
	db, err := sql.Open("postgres", url)
	if err != nil {
		return nil, err
	}
	return &Repo{db: db}, nil
}

func scanUsers(rows *sql.Rows) ([]User, error) {
	defer rows.Close()
	var out []User
	for rows.Next() {
		var u User
		if err := rows.Scan(&u.ID, &u.Email, &u.Role, &u.Status); err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// Users lists a tenant's users. The roles become numbered placeholders;
// the free-text search was added later, by concatenation.
func (r *Repo) Users(ctx context.Context, tenant string, f Filter) ([]User, error) {
	where := []string{"tenant_id = $1"}
	args := []any{tenant}
	if len(f.Roles) > 0 {
		ph := make([]string, len(f.Roles))
		for i, role := range f.Roles {
			args = append(args, role)
			ph[i] = fmt.Sprintf("$%d", len(args))
		}
		where = append(where, "role IN ("+strings.Join(ph, ", ")+")")
	}
	if f.Query != "" {
		where = append(where, "email ILIKE '%"+f.Query+"%'")
	}
	q := "SELECT id, email, role, status FROM users WHERE " + strings.Join(where, " AND ") + " ORDER BY email"
	// the search text was joined into the WHERE clause
	rows, err := r.db.QueryContext(ctx, q, args...) // vuln:sql
	if err != nil {
		return nil, fmt.Errorf("tenants: users: %w", err)
	}
	return scanUsers(rows)
}

// UsersByStatus lists users with a status; every condition is a placeholder.
func (r *Repo) UsersByStatus(ctx context.Context, tenant string, statuses []string) ([]User, error) {
	conds := []string{"tenant_id = $1"}
	args := []any{tenant}
	for _, s := range statuses {
		args = append(args, s)
		conds = append(conds, fmt.Sprintf("status = $%d", len(args)))
	}
	q := "SELECT id, email, role, status FROM users WHERE " + conds[0]
	if len(conds) > 1 {
		q += " AND (" + strings.Join(conds[1:], " OR ") + ")"
	}
	// only constants and $n placeholders were joined
	rows, err := r.db.QueryContext(ctx, q, args...) // safe:sql
	if err != nil {
		return nil, err
	}
	return scanUsers(rows)
}

// CountAudit counts a tenant's audit events.
func (r *Repo) CountAudit(ctx context.Context, tenant string) (int, error) {
	var n int
	// a constant query with one argument
	err := r.db.QueryRowContext(ctx, `SELECT count(*) FROM audit_log WHERE tenant_id = $1`, tenant).Scan(&n) // safe:sql
	return n, err
}

// UpdateUserField changes one profile field. The column name is the JSON
// key the console sent.
func (r *Repo) UpdateUserField(ctx context.Context, userID int64, field, value string) error {
	// the column name from the request body is concatenated into the statement
	stmt, err := r.db.PrepareContext(ctx, "UPDATE users SET "+field+" = $1 WHERE id = $2") // vuln:sql
	if err != nil {
		return err
	}
	defer stmt.Close()
	_, err = stmt.ExecContext(ctx, value, userID)
	return err
}

// Disable disables many users at once.
func (r *Repo) Disable(ctx context.Context, tenant string, ids []int64) error {
	// the id list is one array argument
	_, err := r.db.ExecContext(ctx, "UPDATE users SET status = 'disabled' WHERE tenant_id = $1 AND id = ANY($2)", tenant, pq.Array(ids)) // safe:sql
	return err
}

// SetPlan changes a tenant's plan.
func (r *Repo) SetPlan(ctx context.Context, tenant, plan string) error {
	res, err := r.db.ExecContext(ctx, "UPDATE tenants SET plan = $2 WHERE id = $1", tenant, plan)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return errors.New("tenants: no such tenant")
	}
	return nil
}

// Invite stores an invitation.
func (r *Repo) Invite(ctx context.Context, tenant, email, code string) error {
	_, err := r.db.ExecContext(ctx, "INSERT INTO invitations (tenant_id, email, code) VALUES ($1, $2, $3)", tenant, email, code)
	return err
}
