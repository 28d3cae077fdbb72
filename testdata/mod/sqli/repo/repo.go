package repo

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"example.com/apivettest/sqli/dbutil"
	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

type UserRepo struct {
	db    *sql.DB
	x     *sqlx.DB
	h     *dbutil.DB
	table string
}

func New(db *sql.DB) *UserRepo { return &UserRepo{db: db, table: "users"} }

func (r *UserRepo) FindByName(name string) (*sql.Rows, error) {
	return r.db.Query("SELECT * FROM users WHERE name = '" + name + "'") // want `AV301 high: query built with concatenation from parameter "name" reaches \(\*sql.DB\).Query; use a placeholder \(\$1 or \?, as the driver expects\) and pass name as an argument`
}

func (r *UserRepo) FindByEmail(ctx context.Context, email string) *sql.Row {
	q := fmt.Sprintf("SELECT id FROM users WHERE email = '%s'", email)
	return r.db.QueryRowContext(ctx, q) // want `query built with fmt.Sprintf from parameter "email" reaches \(\*sql.DB\).QueryRowContext`
}

// Safe: placeholders with arguments.
func (r *UserRepo) FindByEmailSafe(ctx context.Context, email string) *sql.Row {
	return r.db.QueryRowContext(ctx, "SELECT id FROM users WHERE email = $1", email)
}

// Safe: constants only, also from another package and through a field
// that only ever holds a constant.
func (r *UserRepo) All() (*sql.Rows, error) {
	q := "SELECT " + dbutil.Columns() + " FROM " + dbutil.UsersTable + " ORDER BY " + dbutil.DefaultOrder
	if _, err := r.db.Query(q); err != nil {
		return nil, err
	}
	return r.db.Query(fmt.Sprintf("SELECT count(*) FROM %s", r.table))
}

// Safe: integers formatted with %d, strconv.Itoa, placeholder lists.
func (r *UserRepo) Page(limit, offset int, ids []int64) (*sql.Rows, error) {
	q := fmt.Sprintf("SELECT * FROM users LIMIT %d OFFSET %d", limit, offset)
	q += " -- page " + strconv.Itoa(offset/limit)
	if _, err := r.db.Query(q); err != nil {
		return nil, err
	}
	in := strings.Repeat(",?", len(ids))[1:]
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return r.db.Query("SELECT * FROM users WHERE id IN ("+in+")", args...)
}

// Sorting: a column from the request through a switch of constants is fine.
func (r *UserRepo) Sorted(sortParam string) (*sql.Rows, error) {
	col := "created_at"
	switch sortParam {
	case "name":
		col = "name"
	case "email":
		col = "email"
	}
	return r.db.Query("SELECT * FROM users ORDER BY " + col)
}

var sortable = map[string]bool{"name": true, "email": true}
var directions = []string{"ASC", "DESC"}
var identRE = regexp.MustCompile(`^[a-z_]+$`)

// Guards before use.
func (r *UserRepo) SortedGuarded(col, dir string) (*sql.Rows, error) {
	if !sortable[col] {
		return nil, fmt.Errorf("bad sort column %q", col)
	}
	if !slices.Contains(directions, dir) {
		return nil, fmt.Errorf("bad direction")
	}
	return r.db.Query("SELECT * FROM users ORDER BY " + col + " " + dir)
}

func (r *UserRepo) SortedRegexp(col string) (*sql.Rows, error) {
	if !identRE.MatchString(col) {
		return nil, fmt.Errorf("bad column")
	}
	return r.db.Query(fmt.Sprintf("SELECT * FROM users ORDER BY %s", col))
}

func (r *UserRepo) SortedSwitchGuard(dir string) (*sql.Rows, error) {
	switch dir {
	case "asc", "desc":
	default:
		return nil, fmt.Errorf("bad direction")
	}
	return r.db.Query("SELECT * FROM users ORDER BY name " + dir)
}

func (r *UserRepo) SortedNoGuard(col string) (*sql.Rows, error) {
	if col == "" {
		col = "id"
	}
	return r.db.Query("SELECT * FROM users ORDER BY " + col) // want `query built with concatenation from parameter "col" reaches \(\*sql.DB\).Query; choose the identifier from an allow-list of constants`
}

// Quoting functions make identifiers safe.
func (r *UserRepo) Quoted(table string) (*sql.Rows, error) {
	return r.db.Query("SELECT * FROM " + pq.QuoteIdentifier(table))
}

// strings.Builder with a value written into it.
func (r *UserRepo) Search(filters map[string]string) (*sql.Rows, error) {
	var sb strings.Builder
	sb.WriteString("SELECT * FROM users WHERE 1=1")
	for k, v := range filters {
		sb.WriteString(" AND " + k + " = '" + v + "'")
	}
	return r.db.Query(sb.String()) // want `query built with concatenation from key of parameter "filters" reaches`
}

// strings.Builder with placeholders only.
func (r *UserRepo) SearchSafe(name, email string) (*sql.Rows, error) {
	var sb strings.Builder
	var args []any
	sb.WriteString("SELECT * FROM users WHERE 1=1")
	if name != "" {
		args = append(args, name)
		fmt.Fprintf(&sb, " AND name = $%d", len(args))
	}
	if email != "" {
		args = append(args, email)
		fmt.Fprintf(&sb, " AND email = $%d", len(args))
	}
	return r.db.Query(sb.String(), args...)
}

// strings.Join of conditions built from constants and from input.
func (r *UserRepo) Filter(status string, tags []string) (*sql.Rows, error) {
	conds := []string{"deleted_at IS NULL"}
	if status != "" {
		conds = append(conds, "status = '"+status+"'")
	}
	return r.db.Query("SELECT * FROM users WHERE " + strings.Join(conds, " AND ")) // want `query built with concatenation from parameter "status"`
}

func (r *UserRepo) FilterSafe(active bool) (*sql.Rows, error) {
	conds := []string{"deleted_at IS NULL"}
	if active {
		conds = append(conds, "active = true")
	}
	return r.db.Query("SELECT * FROM users WHERE " + strings.Join(conds, " AND "))
}

// Dynamic UPDATE whose columns come from constant map keys.
func (r *UserRepo) Update(id int64, name, email *string) error {
	fields := map[string]any{}
	if name != nil {
		fields["name"] = *name
	}
	if email != nil {
		fields["email"] = *email
	}
	var sets []string
	var args []any
	for col, val := range fields {
		args = append(args, val)
		sets = append(sets, fmt.Sprintf("%s = $%d", col, len(args)))
	}
	args = append(args, id)
	_, err := r.db.Exec(fmt.Sprintf("UPDATE users SET %s WHERE id = $%d", strings.Join(sets, ", "), len(args)), args...)
	return err
}

// sqlx: Select, Get, NamedExec, In + Rebind.
func (r *UserRepo) SqlxFind(dest any, role string, ids []int) error {
	if err := r.x.Select(dest, "SELECT * FROM users WHERE role = "+role); err != nil { // want `query built with concatenation from parameter "role" reaches \(\*sqlx.DB\).Select`
		return err
	}
	q, args, err := sqlx.In("SELECT * FROM users WHERE id IN (?)", ids)
	if err != nil {
		return err
	}
	q = r.x.Rebind(q)
	return r.x.Select(dest, q, args...)
}

func (r *UserRepo) SqlxNamed(u map[string]any, table string) error {
	_, err := r.x.NamedExec("INSERT INTO "+table+" (name) VALUES (:name)", u) // want `query built with concatenation from parameter "table" reaches \(\*sqlx.DB\).NamedExec; choose the identifier from an allow-list`
	return err
}

func (r *UserRepo) SqlxGetSafe(dest any, id int) error {
	return sqlx.Get(r.x, dest, "SELECT * FROM users WHERE id = ?", id)
}

// Helpers: a parameter that flows into a sink makes the helper a sink.
func (r *UserRepo) exec(ctx context.Context, stmt string, args ...any) error {
	_, err := r.db.ExecContext(ctx, stmt, args...)
	return err
}

func (r *UserRepo) Delete(ctx context.Context, table string, id int) error {
	if err := r.exec(ctx, "DELETE FROM sessions WHERE user_id = $1", id); err != nil {
		return err
	}
	return r.exec(ctx, "DELETE FROM "+table+" WHERE id = $1", id) // want `query built with concatenation from parameter "table" reaches \(\*repo.UserRepo\).exec \(which runs it with \(\*sql.DB\).ExecContext\)`
}

// Helpers in another package, found through facts.
func (r *UserRepo) Archive(ctx context.Context, name string) error {
	if _, err := r.h.QueryRows(ctx, "SELECT * FROM archive WHERE name = '"+name+"'"); err != nil { // want `reaches \(\*dbutil.DB\).QueryRows \(which runs it with \(\*sql.DB\).QueryContext\)`
		return err
	}
	return dbutil.Exec(r.db, fmt.Sprintf("DELETE FROM archive WHERE name = '%s'", name)) // want `query built with fmt.Sprintf from parameter "name" reaches dbutil.Exec`
}

// An interface of the user's own, like sqlc's DBTX.
type DBTX interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

func Purge(ctx context.Context, db DBTX, days string) error {
	_, err := db.ExecContext(ctx, "DELETE FROM logs WHERE age > "+days) // want `reaches \(repo.DBTX\).ExecContext`
	return err
}

// Suppressed with a reason.
func (r *UserRepo) Report(view string) (*sql.Rows, error) {
	//apivet:ignore AV301 view is chosen by the admin CLI from a fixed list
	return r.db.Query("SELECT * FROM " + view)
}

// A stale suppression.
func (r *UserRepo) Count() (*sql.Rows, error) {
	//apivet:ignore AV301 nothing to suppress any more // want `AV002 low: //apivet:ignore for AV301 matches no finding`
	return r.db.Query("SELECT count(*) FROM users")
}

func (r *UserRepo) Counts(ctx context.Context, author, q string) (int, error) {
	if _, err := dbutil.Count(ctx, r.db, "pages", "author = ?", author); err != nil {
		return 0, err
	}
	return dbutil.Count(ctx, r.db, "pages", "title LIKE '%"+q+"%'") // want `query built with concatenation from parameter "q" reaches dbutil.Count \(which builds it into a query for \(\*sql.DB\).QueryRowContext\)`
}

// ByStatuses joins conditions built from placeholders only, and indexes
// the slice: constants and $n, silent.
func (r *UserRepo) ByStatuses(ctx context.Context, statuses []string) (*sql.Rows, error) {
	conds := []string{"deleted_at IS NULL"}
	var args []any
	for _, s := range statuses {
		args = append(args, s)
		conds = append(conds, fmt.Sprintf("status = $%d", len(args)))
	}
	q := "SELECT id FROM users WHERE " + conds[0]
	if len(conds) > 1 {
		q += " AND (" + strings.Join(conds[1:], " OR ") + ")"
	}
	return r.db.QueryContext(ctx, q, args...)
}

// ByTags indexes a slice that holds request values.
func (r *UserRepo) ByTags(ctx context.Context, tags []string) (*sql.Rows, error) {
	conds := []string{"1=1"}
	for _, t := range tags {
		conds = append(conds, "tag = '"+t+"'")
	}
	return r.db.QueryContext(ctx, "SELECT id FROM items WHERE "+conds[len(conds)-1]) // want `query built with concatenation from element of parameter "tags"`
}

// SearchQuery is what a handler decoded from the query string.
type SearchQuery struct {
	Statuses []string
	Kinds    [2]int
}

// ByQuery joins a field's strings into an IN list.
func (r *UserRepo) ByQuery(q SearchQuery) (*sql.Rows, error) {
	conds := []string{"deleted_at IS NULL"}
	if len(q.Statuses) > 0 {
		conds = append(conds, "status IN ('"+strings.Join(q.Statuses, "','")+"')")
	}
	return r.db.Query("SELECT * FROM users WHERE " + strings.Join(conds, " AND ")) // want `query built with strings.Join from field "q.Statuses"`
}

// userColumns lists the selected columns.
var userColumns = [...]string{"id", "name", "email"}

// Columns joins a constant-initialised array: silent.
func (r *UserRepo) Columns() (*sql.Rows, error) {
	return r.db.Query("SELECT " + strings.Join(userColumns[:], ", ") + " FROM users")
}

// extraColumns grows through a function of the package.
var extraColumns []string

// AddColumn registers a column to select.
func AddColumn(name string) { extraColumns = append(extraColumns, name) }

// Extra selects them: what AddColumn's callers pass is unknown.
func (r *UserRepo) Extra() (*sql.Rows, error) {
	return r.db.Query("SELECT " + strings.Join(extraColumns, ", ") + " FROM users") // want `query built with strings.Join from parameter "name"`
}
