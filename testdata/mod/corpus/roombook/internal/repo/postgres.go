// Package repo implements the storage interfaces on Postgres with pgx.
package repo

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"example.com/apivettest/corpus/roombook/internal/accounts"
	"example.com/apivettest/corpus/roombook/internal/reservations"
)

// Postgres implements reservations.Repository and accounts.Store.
type Postgres struct {
	pool *pgxpool.Pool
}

// New wraps a pool.
func New(pool *pgxpool.Pool) *Postgres { return &Postgres{pool: pool} }

var (
	_ reservations.Repository = (*Postgres)(nil)
	_ accounts.Store          = (*Postgres)(nil)
)

// sortColumns is the allow-list for the bookings list's ORDER BY.
var sortColumns = map[string]string{
	"checkin": "check_in",
	"created": "created_at",
	"guest":   "guest_name",
	"status":  "status",
}

const bookingCols = "id, hotel_id, room_id, guest_name, check_in, check_out, status, code"

const insertBooking = `INSERT INTO bookings (hotel_id, room_id, guest_name, check_in, check_out, status, code)
	VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`

func scanBookings(rows pgx.Rows) ([]reservations.Booking, error) {
	defer rows.Close()
	var out []reservations.Booking
	for rows.Next() {
		var b reservations.Booking
		if err := rows.Scan(&b.ID, &b.HotelID, &b.RoomID, &b.GuestName, &b.CheckIn, &b.CheckOut, &b.Status, &b.Code); err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, rows.Err()
}

// ListByHotel lists a hotel's bookings.
func (p *Postgres) ListByHotel(ctx context.Context, hotelID int64, sort string) ([]reservations.Booking, error) {
	col, ok := sortColumns[sort]
	if !ok {
		col = "check_in"
	}
	q := "SELECT " + bookingCols + " FROM bookings WHERE hotel_id = $1 ORDER BY " + col
	// the column comes from the allow-list map, the hotel id is an argument
	rows, err := p.pool.Query(ctx, q, hotelID) // safe:sql
	if err != nil {
		return nil, fmt.Errorf("list bookings: %w", err)
	}
	return scanBookings(rows)
}

// SearchGuests finds guests by a fragment of their name.
func (p *Postgres) SearchGuests(ctx context.Context, name string) ([]reservations.Guest, error) {
	q := fmt.Sprintf("SELECT id, full_name, email FROM guests WHERE full_name ILIKE '%%%s%%' ORDER BY full_name LIMIT 50", name)
	// the typed name is pasted into the ILIKE pattern
	rows, err := p.pool.Query(ctx, q) // vuln:sql
	if err != nil {
		return nil, fmt.Errorf("search guests: %w", err)
	}
	defer rows.Close()
	var out []reservations.Guest
	for rows.Next() {
		var g reservations.Guest
		if err := rows.Scan(&g.ID, &g.FullName, &g.Email); err != nil {
			return nil, err
		}
		out = append(out, g)
	}
	return out, rows.Err()
}

// Create inserts a booking and releases the room's expired holds.
func (p *Postgres) Create(ctx context.Context, b reservations.Booking) (id int64, err error) {
	tx, err := p.pool.Begin(ctx)
	if err != nil {
		return 0, err
	}
	defer func() {
		if err != nil {
			err = errors.Join(err, tx.Rollback(ctx))
		}
	}()
	// an int64 formatted with %d cannot carry SQL
	cleanup := fmt.Sprintf("DELETE FROM holds WHERE room_id = %d AND expires_at < now()", b.RoomID)
	// cleanup only formats the room id, an int64, with %d
	if _, err = tx.Exec(ctx, cleanup); err != nil { // safe:sql
		return 0, fmt.Errorf("release holds: %w", err)
	}
	// every value is a placeholder argument
	err = tx.QueryRow(ctx, insertBooking, // safe:sql
		b.HotelID, b.RoomID, b.GuestName, b.CheckIn, b.CheckOut, b.Status, b.Code).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("insert booking: %w", err)
	}
	return id, tx.Commit(ctx)
}

// Confirm marks bookings confirmed and writes an audit row for each.
func (p *Postgres) Confirm(ctx context.Context, ids []int64, note string) error {
	batch := &pgx.Batch{}
	for _, id := range ids {
		// status and id travel as arguments
		batch.Queue("UPDATE bookings SET status = 'confirmed', updated_at = $2 WHERE id = $1", id, time.Now()) // safe:sql
		// the clerk's free-text note is spliced into the VALUES list
		batch.Queue("INSERT INTO booking_audit (booking_id, note) VALUES ($1, '"+note+"')", id) // vuln:sql
	}
	return p.pool.SendBatch(ctx, batch).Close()
}

// Availability counts free rooms per type; the IN list is built from
// numbered placeholders only.
func (p *Postgres) Availability(ctx context.Context, hotelID int64, roomTypes []string) ([]reservations.Slot, error) {
	var b strings.Builder
	args := []any{hotelID}
	b.WriteString("SELECT room_type, count(*) FROM rooms WHERE hotel_id = $1 AND NOT occupied")
	if len(roomTypes) > 0 {
		b.WriteString(" AND room_type IN (")
		for i, rt := range roomTypes {
			if i > 0 {
				b.WriteString(", ")
			}
			args = append(args, rt)
			fmt.Fprintf(&b, "$%d", len(args))
		}
		b.WriteString(")")
	}
	b.WriteString(" GROUP BY room_type")
	// the builder only ever holds constants and $n placeholders
	rows, err := p.pool.Query(ctx, b.String(), args...) // safe:sql
	if err != nil {
		return nil, fmt.Errorf("availability: %w", err)
	}
	defer rows.Close()
	var out []reservations.Slot
	for rows.Next() {
		var s reservations.Slot
		if err := rows.Scan(&s.RoomType, &s.Free); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// GuestByEmail loads an account.
func (p *Postgres) GuestByEmail(ctx context.Context, email string) (accounts.Guest, error) {
	var g accounts.Guest
	// the email is a bound argument
	err := p.pool.QueryRow(ctx, "SELECT id, email, password_hash FROM guest_accounts WHERE lower(email) = lower($1)", email).Scan(&g.ID, &g.Email, &g.PasswordHash) // safe:sql
	return g, err
}

// CreateGuest stores a new account.
func (p *Postgres) CreateGuest(ctx context.Context, email string, hash []byte) (int64, error) {
	var id int64
	err := p.pool.QueryRow(ctx, "INSERT INTO guest_accounts (email, password_hash) VALUES ($1, $2) RETURNING id", email, hash).Scan(&id)
	return id, err
}

// SaveResetToken stores the digest of a password reset token.
func (p *Postgres) SaveResetToken(ctx context.Context, guestID int64, digest []byte, expires time.Time) error {
	_, err := p.pool.Exec(ctx, "INSERT INTO password_resets (guest_id, digest, expires_at) VALUES ($1, $2, $3)", guestID, digest, expires)
	return err
}
