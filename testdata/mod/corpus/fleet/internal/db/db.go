// Package db is the fleet's pgx data layer.
package db

import (
	"context"
	"fmt"
	"strconv"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Store wraps the pool.
type Store struct {
	pool *pgxpool.Pool
}

// Open creates the pool.
func Open(ctx context.Context, url string) (*Store, error) {
	p, err := pgxpool.New(ctx, url)
	if err != nil {
		return nil, err
	}
	return &Store{pool: p}, nil
}

// Vehicle is a truck or van.
type Vehicle struct {
	ID     int64
	Plate  string
	Depot  string
	Status string
}

// Position is a GPS fix.
type Position struct {
	VehicleID int64   `json:"vehicle_id"`
	Lat       float64 `json:"lat"`
	Lon       float64 `json:"lon"`
}

// StatusChange is one status update.
type StatusChange struct {
	ID     int64  `json:"id"`
	Status string `json:"status"`
}

const vehicleCols = "id, plate, depot, status"

// ByDepot lists a depot's vehicles.
func (s *Store) ByDepot(ctx context.Context, depot string) ([]Vehicle, error) {
	// constants only, the depot is $1
	rows, err := s.pool.Query(ctx, "SELECT "+vehicleCols+" FROM vehicles WHERE depot = $1", depot) // safe:sql
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowToStructByPos[Vehicle])
}

// ByPlatePrefix autocompletes plates.
func (s *Store) ByPlatePrefix(ctx context.Context, prefix string) ([]Vehicle, error) {
	q := fmt.Sprintf("SELECT %s FROM vehicles WHERE plate LIKE '%s%%'", vehicleCols, prefix)
	// the typed prefix is formatted into the SQL with %s
	rows, err := s.pool.Query(ctx, q) // vuln:sql
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowToStructByPos[Vehicle])
}

// SavePositions stores a batch of GPS fixes.
func (s *Store) SavePositions(ctx context.Context, ps []Position) error {
	b := &pgx.Batch{}
	for _, p := range ps {
		// placeholders, values passed as arguments
		b.Queue("INSERT INTO positions (vehicle_id, lat, lon) VALUES ($1, $2, $3)", p.VehicleID, p.Lat, p.Lon) // safe:sql
	}
	return s.pool.SendBatch(ctx, b).Close()
}

// ApplyStatuses updates many vehicles at once.
func (s *Store) ApplyStatuses(ctx context.Context, changes []StatusChange) error {
	b := &pgx.Batch{}
	for _, c := range changes {
		// the status string from the JSON body is quoted into each statement
		b.Queue("UPDATE vehicles SET status = '"+c.Status+"' WHERE id = $1", c.ID) // vuln:sql
	}
	return s.pool.SendBatch(ctx, b).Close()
}

var tripOrder = map[string]string{"start": "started_at", "distance": "distance_km"}

// Prune deletes old trips of a vehicle and returns its latest trip.
func (s *Store) Prune(ctx context.Context, vehicleID int64, days int, order string) (int64, error) {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback(ctx)
	// days is an int; the interval cannot carry SQL
	if _, err := tx.Exec(ctx, "DELETE FROM trips WHERE vehicle_id = $1 AND started_at < now() - interval '"+strconv.Itoa(days)+" days'", vehicleID); err != nil { // safe:sql
		return 0, err
	}
	col, ok := tripOrder[order]
	if !ok {
		col = "started_at"
	}
	var id int64
	// the column is looked up in tripOrder
	if err := tx.QueryRow(ctx, "SELECT id FROM trips WHERE vehicle_id = $1 ORDER BY "+col+" DESC LIMIT 1", vehicleID).Scan(&id); err != nil { // safe:sql
		return 0, err
	}
	return id, tx.Commit(ctx)
}

// Announce tells listening dispatch screens about an event.
func (s *Store) Announce(ctx context.Context, payload string) error {
	// NOTIFY takes no parameters, so the payload is pasted in; pg_notify($1, $2) would not be
	_, err := s.pool.Exec(ctx, "NOTIFY fleet_events, '"+payload+"'") // vuln:sql
	return err
}

// Suspend marks a driver as suspended.
func (s *Store) Suspend(ctx context.Context, driverID string) error {
	_, err := s.pool.Exec(ctx, "UPDATE drivers SET suspended = true WHERE id = $1", driverID)
	return err
}
