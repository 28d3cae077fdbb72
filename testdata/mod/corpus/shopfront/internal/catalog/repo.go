// Package catalog is the shopfront's gorm repository.
package catalog

import (
	"context"
	"fmt"
	"strconv"

	"gorm.io/driver/postgres"
	"gorm.io/gorm"
)

// User is a customer account.
type User struct {
	ID           uint
	Email        string
	PasswordHash string
}

// Product is a catalog entry.
type Product struct {
	ID         uint
	Name       string
	Category   string
	PriceCents int64
	Stock      int
	ImagePath  string
}

// Repo wraps the gorm handle.
type Repo struct {
	db *gorm.DB
}

// Open connects to Postgres.
func Open(dsn string) (*Repo, error) {
	db, err := gorm.Open(postgres.Open(dsn), &gorm.Config{})
	if err != nil {
		return nil, err
	}
	return &Repo{db: db}, nil
}

// UserByEmail loads a customer.
func (r *Repo) UserByEmail(ctx context.Context, email string) (*User, error) {
	var u User
	err := r.db.WithContext(ctx).Where("email = ?", email).First(&u).Error
	return &u, err
}

// CreateUser stores a new customer.
func (r *Repo) CreateUser(ctx context.Context, u *User) error {
	return r.db.WithContext(ctx).Create(u).Error
}

// Search finds products by name.
func (r *Repo) Search(ctx context.Context, q string) ([]Product, error) {
	var ps []Product
	// the wildcard pattern is built, but passed as an argument to the placeholder
	err := r.db.WithContext(ctx).Where("name ILIKE ?", "%"+q+"%").Find(&ps).Error // safe:sql
	return ps, err
}

// List pages through a category, sorted as the client asked.
func (r *Repo) List(ctx context.Context, category, sort, dir string, minPrice int64) ([]Product, error) {
	var ps []Product
	q := r.db.WithContext(ctx).Where("category = ?", category)
	// an int64 formatted with %d
	q = q.Where(fmt.Sprintf("price_cents >= %d", minPrice)) // safe:sql
	// sort and dir are the raw query-string values
	err := q.Order(sort + " " + dir).Find(&ps).Error // vuln:sql
	return ps, err
}

// orderFor maps the public sort names onto columns.
func orderFor(sort string) string {
	switch sort {
	case "price":
		return "price_cents"
	case "name":
		return "name"
	default:
		return "id"
	}
}

// Featured lists products with good reviews, sorted through an allow-list.
func (r *Repo) Featured(ctx context.Context, sort string, minRating int) ([]Product, error) {
	var ps []Product
	// the column comes from the switch above, the rating is an int
	err := r.db.WithContext(ctx).Joins("JOIN reviews ON reviews.product_id = products.id AND reviews.rating >= " + strconv.Itoa(minRating)).Order(orderFor(sort) + " DESC").Find(&ps).Error // safe:sql
	return ps, err
}

// CategoryTotals sums stock per category.
func (r *Repo) CategoryTotals(ctx context.Context, category string) (map[string]int64, error) {
	var rows []struct {
		Category string
		Total    int64
	}
	// the category path segment is quoted into the SQL by hand
	err := r.db.WithContext(ctx).Raw(fmt.Sprintf("SELECT category, sum(stock) AS total FROM products WHERE category = '%s' GROUP BY category", category)).Scan(&rows).Error // vuln:sql
	out := map[string]int64{}
	for _, row := range rows {
		out[row.Category] = row.Total
	}
	return out, err
}

// Export returns the columns a merchant picked.
func (r *Repo) Export(ctx context.Context, fields string) ([]map[string]any, error) {
	var out []map[string]any
	// the field list from the query string becomes part of the SELECT
	err := r.db.WithContext(ctx).Model(&Product{}).Select("id, " + fields).Find(&out).Error // vuln:sql
	return out, err
}

// Reserve takes items out of stock.
func (r *Repo) Reserve(ctx context.Context, id uint, n int) error {
	// placeholders only
	return r.db.WithContext(ctx).Exec("UPDATE products SET stock = stock - ? WHERE id = ? AND stock >= ?", n, id, n).Error // safe:sql
}

// SetImage records an uploaded image path.
func (r *Repo) SetImage(ctx context.Context, id uint, path string) error {
	return r.db.WithContext(ctx).Model(&Product{}).Where("id = ?", id).Update("image_path", path).Error
}
