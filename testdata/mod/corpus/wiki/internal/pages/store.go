// Package pages stores wiki pages in MySQL.
package pages

import (
	"context"
	"database/sql"
	"fmt"

	_ "github.com/go-sql-driver/mysql"

	"example.com/apivettest/corpus/wiki/internal/sqlutil"
)

// Store wraps the database.
type Store struct {
	db *sql.DB
}

// Open connects to MySQL.
func Open(dsn string) (*Store, error) {
	db, err := sql.Open("mysql", dsn)
	if err != nil {
		return nil, err
	}
	return &Store{db: db}, nil
}

// Page is one wiki page.
type Page struct {
	ID    int64
	Slug  string
	Title string
	Body  string
}

// Revision is one saved version.
type Revision struct {
	ID     int64
	Author string
}

// BySlug loads a page.
func (s *Store) BySlug(ctx context.Context, slug string) (*Page, error) {
	var p Page
	err := s.db.QueryRowContext(ctx, "SELECT id, slug, title, body FROM pages WHERE slug = ?", slug).Scan(&p.ID, &p.Slug, &p.Title, &p.Body)
	return &p, err
}

// History lists revisions, oldest or newest first.
func (s *Store) History(ctx context.Context, pageID int64, order string) ([]Revision, error) {
	if order != "ASC" && order != "DESC" {
		order = "DESC"
	}
	// order can only be ASC or DESC after the check above
	rows, err := s.db.QueryContext(ctx, "SELECT id, author FROM revisions WHERE page_id = ? ORDER BY created_at "+order, pageID) // safe:sql
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Revision
	for rows.Next() {
		var r Revision
		if err := rows.Scan(&r.ID, &r.Author); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// Search runs a full-text search.
func (s *Store) Search(ctx context.Context, q string) (*sql.Rows, error) {
	// the search words are pasted into the AGAINST clause
	stmt, err := s.db.PrepareContext(ctx, "SELECT slug FROM pages WHERE MATCH(body) AGAINST ('"+q+"' IN BOOLEAN MODE)") // vuln:sql
	if err != nil {
		return nil, err
	}
	defer stmt.Close()
	return stmt.QueryContext(ctx)
}

// Untag removes a tag from a page.
func (s *Store) Untag(ctx context.Context, pageID int64, tag string) error {
	// %d is safe for the id, but the tag is a string from the URL
	_, err := s.db.ExecContext(ctx, fmt.Sprintf("DELETE FROM page_tags WHERE page_id = %d AND tag = '%s'", pageID, tag)) // vuln:sql
	return err
}

// DropSessions logs a user out everywhere.
func (s *Store) DropSessions(ctx context.Context, userID int64) error {
	// only an int64 is formatted
	_, err := s.db.ExecContext(ctx, fmt.Sprintf("DELETE FROM sessions WHERE user_id = %d", userID)) // safe:sql
	return err
}

// CountByAuthor counts an author's pages through the shared helper.
func (s *Store) CountByAuthor(ctx context.Context, author string) (int, error) {
	// constant table and where clause, the author is an argument
	return sqlutil.Count(ctx, s.db, "pages", "author = ?", author) // safe:sql
}

// CountMatching counts pages whose title contains q.
func (s *Store) CountMatching(ctx context.Context, q string) (int, error) {
	// the helper concatenates its where argument into the query
	return sqlutil.Count(ctx, s.db, "pages", "title LIKE '%"+q+"%'") // vuln:sql
}

// Save stores a new revision.
func (s *Store) Save(ctx context.Context, slug, author, body string) error {
	_, err := s.db.ExecContext(ctx, "INSERT INTO revisions (page_id, author, body) SELECT id, ?, ? FROM pages WHERE slug = ?", author, body, slug)
	return err
}

// SetRole changes a user's role.
func (s *Store) SetRole(ctx context.Context, userID int64, role string) error {
	_, err := s.db.ExecContext(ctx, "UPDATE users SET role = ? WHERE id = ?", role, userID)
	return err
}

// Delete removes a page.
func (s *Store) Delete(ctx context.Context, slug string) error {
	_, err := s.db.ExecContext(ctx, "DELETE FROM pages WHERE slug = ?", slug)
	return err
}
