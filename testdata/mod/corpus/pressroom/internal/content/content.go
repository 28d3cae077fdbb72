// Package content is the article repository, on gorm.
package content

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// Article is a CMS article.
type Article struct {
	ID          uint      `gorm:"primaryKey" json:"id"`
	Slug        string    `gorm:"uniqueIndex" json:"slug"`
	Title       string    `json:"title"`
	Body        string    `json:"body"`
	Section     string    `json:"section"`
	Status      string    `json:"status"`
	AuthorID    uint      `json:"author_id"`
	Views       int64     `json:"views"`
	PublishedAt time.Time `json:"published_at"`
}

// Comment is a reader comment.
type Comment struct {
	ID        uint   `gorm:"primaryKey" json:"id"`
	ArticleID uint   `json:"article_id"`
	Body      string `json:"body"`
	Approved  bool   `json:"approved"`
}

// Repo is the gorm-backed repository.
type Repo struct{ db *gorm.DB }

// NewRepo wraps a gorm handle.
func NewRepo(db *gorm.DB) *Repo { return &Repo{db: db} }

// sortable is the allow-list of ORDER BY columns.
var sortable = map[string]string{
	"published": "published_at",
	"title":     "title",
	"views":     "views",
}

// BySlug loads one published article.
func (r *Repo) BySlug(ctx context.Context, slug string) (Article, error) {
	var a Article
	// a ? placeholder
	err := r.db.WithContext(ctx).Where("slug = ? AND status = ?", slug, "published").First(&a).Error // safe:sql
	return a, err
}

// Search finds published articles by title.
func (r *Repo) Search(ctx context.Context, q string) ([]Article, error) {
	var out []Article
	// the search text is concatenated into the Where string
	err := r.db.WithContext(ctx).Where("status = 'published' AND title ILIKE '%" + q + "%'").Limit(50).Find(&out).Error // vuln:sql
	return out, err
}

// List lists a section's articles in the requested order.
func (r *Repo) List(ctx context.Context, section, sort, dir string) ([]Article, error) {
	col, ok := sortable[sort]
	if !ok {
		col = "published_at"
	}
	switch dir {
	case "asc", "ASC":
		dir = "ASC"
	default:
		dir = "DESC"
	}
	var out []Article
	// column from the allow-list map, direction from the switch
	err := r.db.WithContext(ctx).Where(map[string]any{"section": section, "status": "published"}).Order(col + " " + dir).Find(&out).Error // safe:sql
	return out, err
}

// Latest lists the newest articles; the direction is taken as given.
func (r *Repo) Latest(ctx context.Context, dir string) ([]Article, error) {
	var out []Article
	// dir is the raw ?dir= parameter, appended to ORDER BY
	err := r.db.WithContext(ctx).Order("published_at " + dir).Limit(20).Find(&out).Error // vuln:sql
	return out, err
}

// ByTag lists articles carrying a tag.
func (r *Repo) ByTag(ctx context.Context, tag string) ([]Article, error) {
	var out []Article
	// Raw with a placeholder
	err := r.db.WithContext(ctx).Raw("SELECT a.* FROM articles a JOIN article_tags t ON t.article_id = a.id WHERE t.tag = ?", tag).Scan(&out).Error // safe:sql
	return out, err
}

// CountView bumps the view counter.
func (r *Repo) CountView(ctx context.Context, id uint) error {
	// an unsigned id formatted with %d
	return r.db.WithContext(ctx).Exec(fmt.Sprintf("UPDATE articles SET views = views + 1 WHERE id = %d", id)).Error // safe:sql
}

// ByStatus is the editor's queue view.
func (r *Repo) ByStatus(ctx context.Context, status string) ([]Article, error) {
	var out []Article
	// the status filter from the editor's query string is formatted into the SQL
	err := r.db.WithContext(ctx).Raw(fmt.Sprintf("SELECT * FROM articles WHERE status = '%s' ORDER BY id DESC", status)).Scan(&out).Error // vuln:sql
	return out, err
}

// ByAuthorName lists an author's articles.
func (r *Repo) ByAuthorName(ctx context.Context, author string) ([]Article, error) {
	var out []Article
	// the author's name is pasted into the JOIN condition
	err := r.db.WithContext(ctx).Joins("JOIN authors ON authors.id = articles.author_id AND authors.name = '" + author + "'").Find(&out).Error // vuln:sql
	return out, err
}

// Save creates or updates an article.
func (r *Repo) Save(ctx context.Context, a *Article) error {
	return r.db.WithContext(ctx).Save(a).Error
}

// Approve approves a comment.
func (r *Repo) Approve(ctx context.Context, id uint) error {
	return r.db.WithContext(ctx).Model(&Comment{}).Where("id = ?", id).Update("approved", true).Error
}
