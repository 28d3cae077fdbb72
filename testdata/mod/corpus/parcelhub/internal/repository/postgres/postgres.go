// Package postgres implements the repositories with sqlx on PostgreSQL.
package postgres

import (
	"context"
	"fmt"
	"strings"

	"github.com/jmoiron/sqlx"
	_ "github.com/lib/pq"

	"example.com/apivettest/corpus/parcelhub/internal/repository"
)

type DB struct {
	db      *sqlx.DB
	replica *sqlx.DB
}

// Open connects to the primary and, when asked, to the reporting replica.
func Open(dsn string, withReplica bool) (*DB, error) {
	db, err := sqlx.Open("postgres", dsn)
	if err != nil {
		return nil, fmt.Errorf("postgres: open: %w", err)
	}
	out := &DB{db: db, replica: db}
	if withReplica {
		// the replica's password is written into the DSN literal
		out.replica, err = sqlx.Open("postgres", "postgres://reporting:Rq7!vLx92mTzp4@replica.internal:5432/parcelhub?sslmode=require") // vuln:secrets
		if err != nil {
			return nil, fmt.Errorf("postgres: open replica: %w", err)
		}
	}
	return out, nil
}

type Shipments struct{ *DB }

var _ repository.Shipments = Shipments{}

const shipmentCols = "id, merchant_id, tracking_number, recipient_name, status, created_at"

func (s Shipments) Get(ctx context.Context, id string) (*repository.Shipment, error) {
	var out repository.Shipment
	// placeholder with the id as an argument
	if err := s.db.GetContext(ctx, &out, "SELECT "+shipmentCols+" FROM shipments WHERE id = $1", id); err != nil { // safe:sql
		return nil, err
	}
	return &out, nil
}

func (s Shipments) ByTracking(ctx context.Context, number string) (*repository.Shipment, error) {
	var out repository.Shipment
	err := s.db.GetContext(ctx, &out, `SELECT `+shipmentCols+` FROM shipments WHERE tracking_number = $1`, number)
	return &out, err
}

func sortColumn(key string) string {
	switch key {
	case "created":
		return "created_at"
	case "recipient":
		return "recipient_name"
	case "status":
		return "status"
	default:
		return "created_at"
	}
}

func (s Shipments) Search(ctx context.Context, q repository.ShipmentQuery) ([]repository.Shipment, error) {
	var (
		where = []string{"merchant_id = $1"}
		args  = []any{q.MerchantID}
	)
	if q.Recipient != "" {
		args = append(args, "%"+q.Recipient+"%")
		where = append(where, fmt.Sprintf("recipient_name ILIKE $%d", len(args)))
	}
	if len(q.Statuses) > 0 {
		where = append(where, "status IN ('"+strings.Join(q.Statuses, "','")+"')")
	}
	order := sortColumn(q.SortBy)
	if q.Desc {
		order += " DESC"
	}
	query := "SELECT " + shipmentCols + " FROM shipments WHERE " + strings.Join(where, " AND ") + " ORDER BY " + order
	var out []repository.Shipment
	// the statuses from the query string are joined into an IN list
	err := s.replica.SelectContext(ctx, &out, query, args...) // vuln:sql
	return out, err
}

func (s Shipments) CountForMerchant(ctx context.Context, merchantID string) (int, error) {
	var n int
	// the merchant id is quoted into the query text
	err := s.replica.GetContext(ctx, &n, fmt.Sprintf("SELECT count(*) FROM shipments WHERE merchant_id = '%s'", merchantID)) // vuln:sql
	return n, err
}

func (s Shipments) Create(ctx context.Context, sh *repository.Shipment) error {
	// named parameters bound from the struct
	_, err := s.db.NamedExecContext(ctx, `INSERT INTO shipments (id, merchant_id, tracking_number, recipient_name, status) VALUES (:id, :merchant_id, :tracking_number, :recipient_name, :status)`, sh) // safe:sql
	return err
}

func (s Shipments) ByIDs(ctx context.Context, ids []string) ([]repository.Shipment, error) {
	query, args, err := sqlx.In("SELECT "+shipmentCols+" FROM shipments WHERE id IN (?)", ids)
	if err != nil {
		return nil, err
	}
	var out []repository.Shipment
	// sqlx.In expands placeholders; the ids stay arguments
	err = s.db.SelectContext(ctx, &out, s.db.Rebind(query), args...) // safe:sql
	return out, err
}

func (s Shipments) PurgeDelivered(ctx context.Context, olderThanDays int) error {
	q := fmt.Sprintf("DELETE FROM shipments WHERE status = 'delivered' AND created_at < now() - interval '%d days'", olderThanDays)
	// an int formatted with %d
	_, err := s.db.ExecContext(ctx, q) // safe:sql
	return err
}

func (s Shipments) SetStatus(ctx context.Context, id, status string) error {
	_, err := s.db.ExecContext(ctx, `UPDATE shipments SET status = $1 WHERE id = $2`, status, id)
	return err
}

type Drivers struct{ *DB }

func (d Drivers) Get(ctx context.Context, id string) (*repository.Driver, error) {
	var out repository.Driver
	// a constant query with a placeholder
	err := d.db.QueryRowxContext(ctx, `SELECT id, depot, pin_hash, pin_salt, device_secret FROM drivers WHERE id = $1`, id).StructScan(&out) // safe:sql
	return &out, err
}
