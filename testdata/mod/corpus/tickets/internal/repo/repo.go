// Package repo is the ticket store, on sqlx.
package repo

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
	_ "github.com/lib/pq"
)

// Ticket is a support ticket.
type Ticket struct {
	ID        int64     `db:"id"`
	ProjectID int64     `db:"project_id"`
	Title     string    `db:"title"`
	Body      string    `db:"body"`
	Status    string    `db:"status"`
	Assignee  string    `db:"assignee"`
	CreatedAt time.Time `db:"created_at"`
}

// Filter narrows a ticket listing.
type Filter struct {
	Status   string
	Assignee string
	Text     string
	Limit    int
}

// Repo wraps the sqlx handle.
type Repo struct {
	db *sqlx.DB
}

// Connect opens the database.
func Connect(dsn string) (*Repo, error) {
	db, err := sqlx.Connect("postgres", dsn)
	if err != nil {
		return nil, err
	}
	return &Repo{db: db}, nil
}

const ticketCols = "id, project_id, title, body, status, assignee, created_at"

// List filters a project's tickets; every value is a numbered placeholder.
func (r *Repo) List(ctx context.Context, projectID int64, f Filter) ([]Ticket, error) {
	var b strings.Builder
	b.WriteString("SELECT " + ticketCols + " FROM tickets WHERE project_id = $1")
	args := []any{projectID}
	if f.Status != "" {
		args = append(args, f.Status)
		b.WriteString(fmt.Sprintf(" AND status = $%d", len(args)))
	}
	if f.Assignee != "" {
		args = append(args, f.Assignee)
		b.WriteString(fmt.Sprintf(" AND assignee = $%d", len(args)))
	}
	b.WriteString(fmt.Sprintf(" ORDER BY created_at DESC LIMIT %d", f.Limit))
	var out []Ticket
	// the builder only ever receives constants and integers
	err := r.db.SelectContext(ctx, &out, b.String(), args...) // safe:sql
	return out, err
}

// Search looks for text in titles.
func (r *Repo) Search(ctx context.Context, projectID int64, text string) ([]Ticket, error) {
	var b strings.Builder
	b.WriteString("SELECT " + ticketCols + " FROM tickets WHERE project_id = $1")
	// the search text is written into the builder between quotes
	b.WriteString(" AND title ILIKE '%" + text + "%'")
	var out []Ticket
	// the builder now holds the search text
	err := r.db.SelectContext(ctx, &out, b.String(), projectID) // vuln:sql
	return out, err
}

func tableFor(archived bool) string {
	if archived {
		return "tickets_archive"
	}
	return "tickets"
}

// Get loads one ticket from the live or the archive table.
func (r *Repo) Get(ctx context.Context, id int64, archived bool) (*Ticket, error) {
	var t Ticket
	// the table name can only be one of two constants
	err := r.db.GetContext(ctx, &t, fmt.Sprintf("SELECT %s FROM %s WHERE id = $1", ticketCols, tableFor(archived)), id) // safe:sql
	return &t, err
}

// Create inserts a ticket with named parameters.
func (r *Repo) Create(ctx context.Context, t *Ticket) error {
	// named parameters bound from the struct
	_, err := r.db.NamedExecContext(ctx, "INSERT INTO tickets (project_id, title, body, status) VALUES (:project_id, :title, :body, 'open')", t) // safe:sql
	return err
}

// SetLabels replaces a ticket's labels.
func (r *Repo) SetLabels(id int64, labels []string) {
	// the labels come from the request body and are joined into the statement
	r.db.MustExec("UPDATE tickets SET labels = '{" + strings.Join(labels, ",") + "}' WHERE id = " + strconv.FormatInt(id, 10)) // vuln:sql
}

// Many loads several tickets with sqlx.In.
func (r *Repo) Many(ctx context.Context, ids []int64) ([]Ticket, error) {
	q, args, err := sqlx.In("SELECT "+ticketCols+" FROM tickets WHERE id IN (?)", ids)
	if err != nil {
		return nil, err
	}
	var out []Ticket
	// sqlx.In expands only placeholders; the ids stay arguments
	err = r.db.SelectContext(ctx, &out, r.db.Rebind(q), args...) // safe:sql
	return out, err
}

// Report groups tickets by a column the client names.
func (r *Repo) Report(ctx context.Context, groupBy string) ([]map[string]any, error) {
	query := "SELECT " + groupBy + ", count(*) FROM tickets GROUP BY " + groupBy
	// groupBy is the raw query parameter
	rows, err := r.db.QueryxContext(ctx, query) // vuln:sql
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []map[string]any
	for rows.Next() {
		m := map[string]any{}
		if err := rows.MapScan(m); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// Close closes a ticket.
func (r *Repo) Close(ctx context.Context, id int64) error {
	_, err := r.db.ExecContext(ctx, "UPDATE tickets SET status = 'closed' WHERE id = $1", id)
	return err
}
