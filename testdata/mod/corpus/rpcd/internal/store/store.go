// Package store is rpcd's data access on a single pgx v5 connection per
// worker.
package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
)

// querier is satisfied by *pgx.Conn and pgx.Tx.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
}

// queryAll runs a query and collects the rows into T by column name. It
// passes sql through to the driver.
func queryAll[T any](ctx context.Context, q querier, sql string, args ...any) ([]T, error) {
	// a generic pass-through: the query text is the caller's
	rows, err := q.Query(ctx, sql, args...) // safe:sql
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowToStructByName[T])
}

// User is a user row.
type User struct {
	ID    string `db:"id"`
	Email string `db:"email"`
	Team  string `db:"team"`
}

// Store wraps a connection.
type Store struct{ conn *pgx.Conn }

// Connect opens the connection.
func Connect(ctx context.Context, url string) (*Store, error) {
	c, err := pgx.Connect(ctx, url)
	if err != nil {
		return nil, err
	}
	return &Store{conn: c}, nil
}

// Filter is the RPC layer's structured filter: field names are checked
// against a fixed set, values always become arguments.
type Filter struct {
	Field string
	Value string
}

var filterable = map[string]string{"email": "email", "team": "team", "id": "id"}

// UsersWhere lists users matching all filters.
func (s *Store) UsersWhere(ctx context.Context, filters []Filter) ([]User, error) {
	var conds []string
	var args []any
	for _, f := range filters {
		col, ok := filterable[f.Field]
		if !ok {
			return nil, fmt.Errorf("store: cannot filter on %q", f.Field)
		}
		args = append(args, f.Value)
		conds = append(conds, fmt.Sprintf("%s = $%d", col, len(args)))
	}
	q := "SELECT id, email, team FROM users"
	if len(conds) > 0 {
		q += " WHERE " + strings.Join(conds, " AND ")
	}
	// columns from the allow-list, values as $n arguments
	return queryAll[User](ctx, s.conn, q, args...) // safe:sql
}

// TeamMembers lists a team.
func (s *Store) TeamMembers(ctx context.Context, team string) ([]User, error) {
	// constant query, bound argument
	return queryAll[User](ctx, s.conn, "SELECT id, email, team FROM users WHERE team = $1 ORDER BY email", team) // safe:sql
}

// SearchUsers is the admin console's free-text search.
func (s *Store) SearchUsers(ctx context.Context, text string) ([]User, error) {
	// the search text is formatted into the query the helper runs
	return queryAll[User](ctx, s.conn, fmt.Sprintf("SELECT id, email, team FROM users WHERE email LIKE '%s%%'", text)) // vuln:sql
}

// RevokeSessions deletes a user's sessions; userID is the RPC argument.
func (s *Store) RevokeSessions(ctx context.Context, userID string) error {
	// a string id concatenated into the statement
	_, err := s.conn.Exec(ctx, "DELETE FROM sessions WHERE user_id = "+userID) // vuln:sql
	return err
}

// Transfer moves a user to another team and records it.
func (s *Store) Transfer(ctx context.Context, userID, team string) error {
	return pgx.BeginFunc(ctx, s.conn, func(tx pgx.Tx) error {
		var old string
		// placeholders
		if err := tx.QueryRow(ctx, "SELECT team FROM users WHERE id = $1 FOR UPDATE", userID).Scan(&old); err != nil { // safe:sql
			return err
		}
		if _, err := tx.Exec(ctx, "UPDATE users SET team = $2 WHERE id = $1", userID, team); err != nil {
			return err
		}
		// the audit note is built from the two team names
		_, err := tx.Exec(ctx, "INSERT INTO audit (user_id, note) VALUES ($1, 'moved from "+old+" to "+team+"')", userID) // vuln:sql
		return err
	})
}
