// Package tsdb writes and reads readings in Postgres (TimescaleDB) via pgx.
package tsdb

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"example.com/apivettest/corpus/sensorhub/internal/config"
)

// Reading is one sensor value.
type Reading struct {
	DeviceID string    `json:"device_id"`
	Metric   string    `json:"metric"`
	Value    float64   `json:"value"`
	At       time.Time `json:"at"`
}

// Device is a registered device.
type Device struct {
	ID     string
	Serial string
	Fleet  string
	Token  string
}

// DB wraps the pool.
type DB struct{ pool *pgxpool.Pool }

// Open connects.
func Open(ctx context.Context, url string) (*DB, error) {
	p, err := pgxpool.New(ctx, url)
	if err != nil {
		return nil, fmt.Errorf("tsdb: %w", err)
	}
	return &DB{pool: p}, nil
}

const insertReading = "INSERT INTO readings (device_id, metric, value, at) VALUES ($1, $2, $3, $4)"

// rollupTable maps a resolution to its continuous aggregate.
func rollupTable(res string) (string, bool) {
	switch res {
	case "1m":
		return "readings_1m", true
	case "1h":
		return "readings_1h", true
	case "1d":
		return "readings_1d", true
	}
	return "", false
}

// WriteBatch stores a device's upload in one round trip.
func (d *DB) WriteBatch(ctx context.Context, rs []Reading) error {
	b := &pgx.Batch{}
	for _, r := range rs {
		// a constant statement with the values as arguments
		b.Queue(insertReading, r.DeviceID, r.Metric, r.Value, r.At) // safe:sql
		// the per-metric "latest" table is named after the metric the device sent
		b.Queue(fmt.Sprintf("INSERT INTO latest_%s (device_id, value, at) VALUES ($1, $2, $3) ON CONFLICT (device_id) DO UPDATE SET value = EXCLUDED.value, at = EXCLUDED.at", r.Metric), r.DeviceID, r.Value, r.At) // vuln:sql
	}
	return d.pool.SendBatch(ctx, b).Close()
}

// RefreshRollups re-materialises the aggregates for the given resolutions.
func (d *DB) RefreshRollups(ctx context.Context, resolutions []string, from, to time.Time) error {
	b := &pgx.Batch{}
	for _, res := range resolutions {
		table, ok := rollupTable(res)
		if !ok {
			return fmt.Errorf("tsdb: unknown resolution %q", res)
		}
		// the table name comes out of a switch over constants
		b.Queue(fmt.Sprintf("CALL refresh_continuous_aggregate('%s', $1, $2)", table), from, to) // safe:sql
	}
	return d.pool.SendBatch(ctx, b).Close()
}

// DeviceBySerial finds a device from the serial printed on its label.
func (d *DB) DeviceBySerial(ctx context.Context, serial string) (Device, error) {
	var dev Device
	// the serial from the registration request is quoted by hand
	err := d.pool.QueryRow(ctx, "SELECT id, serial, fleet, token FROM devices WHERE serial = '"+serial+"'").Scan(&dev.ID, &dev.Serial, &dev.Fleet, &dev.Token) // vuln:sql
	return dev, err
}

// DeviceByID loads a device.
func (d *DB) DeviceByID(ctx context.Context, id string) (Device, error) {
	var dev Device
	// a placeholder
	err := d.pool.QueryRow(ctx, "SELECT id, serial, fleet, token FROM devices WHERE id = $1", id).Scan(&dev.ID, &dev.Serial, &dev.Fleet, &dev.Token) // safe:sql
	return dev, err
}

// Prune drops raw readings past retention.
func (d *DB) Prune(ctx context.Context) error {
	days := config.RetentionDays
	// an int constant formatted with %d
	_, err := d.pool.Exec(ctx, fmt.Sprintf("DELETE FROM readings WHERE at < now() - interval '%d days'", days)) // safe:sql
	return err
}

// Series returns one metric for a device at a resolution.
func (d *DB) Series(ctx context.Context, device, metric, res string, since time.Time) ([]Reading, error) {
	table, ok := rollupTable(res)
	if !ok {
		table = "readings"
	}
	q := "SELECT device_id, metric, value, at FROM " + table + " WHERE device_id = $1 AND metric = $2 AND at >= $3 ORDER BY at"
	// table from the switch, values as arguments
	rows, err := d.pool.Query(ctx, q, device, metric, since) // safe:sql
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowToStructByPos[Reading])
}

// Search lists devices matching tag filters like "site=berlin".
func (d *DB) Search(ctx context.Context, filters []string) ([]string, error) {
	conds := []string{"true"}
	for _, f := range filters {
		k, v, _ := strings.Cut(f, "=")
		conds = append(conds, fmt.Sprintf("tags->>'%s' = '%s'", k, v))
	}
	// key and value of each filter come from the query string
	rows, err := d.pool.Query(ctx, "SELECT id FROM devices WHERE "+strings.Join(conds, " AND ")) // vuln:sql
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[string])
}

// RegisterDevice stores a newly claimed device.
func (d *DB) RegisterDevice(ctx context.Context, dev Device) error {
	_, err := d.pool.Exec(ctx, "INSERT INTO devices (id, serial, fleet, token) VALUES ($1, $2, $3, $4)", dev.ID, dev.Serial, dev.Fleet, dev.Token)
	return err
}
