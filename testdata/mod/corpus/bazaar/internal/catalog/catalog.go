// Package catalog is the product catalog on MySQL.
package catalog

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	_ "github.com/go-sql-driver/mysql"

	"example.com/apivettest/corpus/bazaar/internal/dbutil"
)

// the fallback DSN carries the production database password
const fallbackDSN = "bazaar:S3ll-It-All-2024@tcp(db.bazaar.internal:3306)/bazaar?parseTime=true" // vuln:secrets

// Catalog wraps the database.
type Catalog struct{ db *sql.DB }

// Open connects; the DSN normally comes from BAZAAR_DSN.
func Open(dsn string) (*Catalog, error) {
	if dsn == "" {
		dsn = fallbackDSN
	}
	db, err := sql.Open("mysql", dsn)
	if err != nil {
		return nil, err
	}
	return &Catalog{db: db}, nil
}

// DB exposes the handle to the order package.
func (c *Catalog) DB() *sql.DB { return c.db }

// List lists a category, sorted by an allow-listed column.
func (c *Catalog) List(ctx context.Context, category, sort string) ([]dbutil.Row, error) {
	var order string
	switch sort {
	case "price":
		order = "price ASC"
	case "-price":
		order = "price DESC"
	case "new":
		order = "listed_at DESC"
	default:
		order = "popularity DESC"
	}
	// order is one of four constants; the category is bound
	return dbutil.QueryMaps(ctx, c.db, "SELECT id, title, price FROM products WHERE category = ? ORDER BY "+order+" LIMIT 60", category) // safe:sql
}

// Search is the keyword search.
func (c *Catalog) Search(ctx context.Context, keyword string) ([]dbutil.Row, error) {
	q := "SELECT id, title, price FROM products WHERE MATCH(title, description) AGAINST ('" + keyword + "' IN BOOLEAN MODE) LIMIT 60"
	// the keyword is concatenated; the helper executes it
	return dbutil.QueryMaps(ctx, c.db, q) // vuln:sql
}

// BySeller lists a seller's products.
func (c *Catalog) BySeller(ctx context.Context, seller string) ([]dbutil.Row, error) {
	// the seller handle from the URL is formatted into the query
	return dbutil.QueryMaps(ctx, c.db, fmt.Sprintf("SELECT id, title, price FROM products WHERE seller_handle = '%s'", seller)) // vuln:sql
}

// Reprice applies a seller's CSV of "id,price" lines in one statement.
func (c *Catalog) Reprice(ctx context.Context, seller string, lines []string) error {
	if len(lines) == 0 {
		return errors.New("catalog: nothing to reprice")
	}
	var b strings.Builder
	b.WriteString("UPDATE products SET price = CASE id")
	ids := make([]string, 0, len(lines))
	for _, l := range lines {
		id, price, ok := strings.Cut(strings.TrimSpace(l), ",")
		if !ok {
			return fmt.Errorf("catalog: bad line %q", l)
		}
		fmt.Fprintf(&b, " WHEN %s THEN %s", id, price)
		ids = append(ids, id)
	}
	b.WriteString(" END WHERE seller_handle = ? AND id IN (" + strings.Join(ids, ",") + ")")
	// ids and prices are raw CSV fields written into the statement
	_, err := c.db.ExecContext(ctx, b.String(), seller) // vuln:sql
	return err
}

// Reserve decrements stock inside the order transaction.
func (c *Catalog) Reserve(ctx context.Context, tx *sql.Tx, productID int64, qty int) error {
	// placeholders only
	res, err := tx.ExecContext(ctx, "UPDATE products SET stock = stock - ? WHERE id = ? AND stock >= ?", qty, productID, qty) // safe:sql
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return errors.New("catalog: out of stock")
	}
	return nil
}
