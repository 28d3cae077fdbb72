// Package store is chatter's MySQL storage, on sqlx.
package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/go-sql-driver/mysql"
	"github.com/jmoiron/sqlx"

	"example.com/apivettest/corpus/chatter/internal/config"
)

// Message is one chat message.
type Message struct {
	ID        int64     `db:"id" json:"id"`
	RoomID    int64     `db:"room_id" json:"room_id"`
	Author    string    `db:"author" json:"author"`
	Body      string    `db:"body" json:"body"`
	CreatedAt time.Time `db:"created_at" json:"created_at"`
}

// Room is a chat room.
type Room struct {
	ID    int64  `db:"id" json:"id"`
	Name  string `db:"name" json:"name"`
	Topic string `db:"topic" json:"topic"`
}

// Member is a user's membership in a room.
type Member struct {
	UserID int64  `db:"user_id" json:"user_id"`
	Name   string `db:"display_name" json:"name"`
	Role   string `db:"role" json:"role"`
}

// Store wraps the database handle.
type Store struct {
	db *sqlx.DB
}

// Open connects to MySQL with the configured credentials.
func Open(ctx context.Context, c config.DB) (*Store, error) {
	mc := mysql.NewConfig()
	mc.Net = "tcp"
	mc.Addr = c.Host
	mc.DBName = c.Name
	mc.User = c.User
	// the password field is filled from configuration, not a literal
	mc.Passwd = c.Password // safe:secrets
	mc.ParseTime = true
	db, err := sqlx.ConnectContext(ctx, "mysql", mc.FormatDSN())
	if err != nil {
		return nil, fmt.Errorf("store: connect: %w", err)
	}
	return &Store{db: db}, nil
}

// History returns a page of messages, newest first.
func (s *Store) History(ctx context.Context, roomID, before int64, limit int) ([]Message, error) {
	var msgs []Message
	// placeholders for every value
	err := s.db.SelectContext(ctx, &msgs, "SELECT id, room_id, author, body, created_at FROM messages WHERE room_id = ? AND id < ? ORDER BY id DESC LIMIT ?", roomID, before, limit) // safe:sql
	return msgs, err
}

// FindRooms is the room directory search.
func (s *Store) FindRooms(ctx context.Context, q string) ([]Room, error) {
	var rooms []Room
	// the search box text is concatenated into the LIKE pattern
	err := s.db.SelectContext(ctx, &rooms, "SELECT id, name, topic FROM rooms WHERE public = 1 AND name LIKE '%"+q+"%' LIMIT 100") // vuln:sql
	return rooms, err
}

// Post stores a message.
func (s *Store) Post(ctx context.Context, m *Message) error {
	// named parameters bound from the struct
	res, err := s.db.NamedExecContext(ctx, "INSERT INTO messages (room_id, author, body, created_at) VALUES (:room_id, :author, :body, :created_at)", m) // safe:sql
	if err != nil {
		return err
	}
	m.ID, err = res.LastInsertId()
	return err
}

// Members loads the members of a set of rooms.
func (s *Store) Members(ctx context.Context, roomIDs []int64) ([]Member, error) {
	q, args, err := sqlx.In("SELECT m.user_id, u.display_name, m.role FROM members m JOIN users u ON u.id = m.user_id WHERE m.room_id IN (?)", roomIDs)
	if err != nil {
		return nil, err
	}
	var out []Member
	// sqlx.In only expands the ? list; the ids are bound as arguments
	err = s.db.SelectContext(ctx, &out, s.db.Rebind(q), args...) // safe:sql
	return out, err
}

// SetRole changes a member's role.
func (s *Store) SetRole(ctx context.Context, roomID, userID int64, role string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("set role: %v", r)
		}
	}()
	// the role string from the request body is quoted by hand
	s.db.MustExecContext(ctx, "UPDATE members SET role = '"+role+"' WHERE room_id = ? AND user_id = ?", roomID, userID) // vuln:sql
	return nil
}

// countWhere is shared by the counters below. It pastes cond into the
// query; its callers pass constant conditions and bind values as args.
func (s *Store) countWhere(ctx context.Context, cond string, args ...any) (int, error) {
	var n int
	// the helper passes its callers' condition through
	err := s.db.GetContext(ctx, &n, "SELECT COUNT(*) FROM messages WHERE "+cond, args...) // safe:sql
	return n, err
}

// Unread counts messages after the user's read marker.
func (s *Store) Unread(ctx context.Context, roomID, lastSeen int64) (int, error) {
	// a constant condition, values as arguments
	return s.countWhere(ctx, "room_id = ? AND id > ?", roomID, lastSeen) // safe:sql
}

// ByAuthor counts a user's messages for the moderation panel.
func (s *Store) ByAuthor(ctx context.Context, author string) (int, error) {
	// the author name from the query string is built into the condition
	return s.countWhere(ctx, "author = '"+author+"'") // vuln:sql
}

// CountKind counts rows of one kind in a room; the table name is chosen by
// a switch over constants.
func (s *Store) CountKind(ctx context.Context, kind string, roomID int64) (int, error) {
	var table string
	switch kind {
	case "messages":
		table = "messages"
	case "attachments":
		table = "attachments"
	case "reactions":
		table = "reactions"
	default:
		return 0, errors.New("store: unknown kind")
	}
	var n int
	// table is one of three constants
	err := s.db.GetContext(ctx, &n, fmt.Sprintf("SELECT COUNT(*) FROM %s WHERE room_id = ?", table), roomID) // safe:sql
	return n, err
}

// Export streams a room's messages since a point in time.
func (s *Store) Export(ctx context.Context, roomID int64, since time.Time, each func(Message) error) error {
	// plain placeholders
	rows, err := s.db.QueryxContext(ctx, "SELECT id, room_id, author, body, created_at FROM messages WHERE room_id = ? AND created_at >= ? ORDER BY id", roomID, since) // safe:sql
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var m Message
		if err := rows.StructScan(&m); err != nil {
			return err
		}
		if err := each(m); err != nil {
			return err
		}
	}
	return rows.Err()
}

// UserByName loads a user for sign-in.
func (s *Store) UserByName(ctx context.Context, name string) (id int64, hash []byte, err error) {
	err = s.db.QueryRowxContext(ctx, "SELECT id, password_hash FROM users WHERE username = ?", name).Scan(&id, &hash)
	return id, hash, err
}

// CreateUser adds an account.
func (s *Store) CreateUser(ctx context.Context, name, email string, hash []byte) (int64, error) {
	res, err := s.db.ExecContext(ctx, "INSERT INTO users (username, email, password_hash) VALUES (?, ?, ?)", name, email, hash)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// BotToken returns a bot's stored webhook token.
func (s *Store) BotToken(ctx context.Context, botID string) (string, error) {
	var tok string
	err := s.db.GetContext(ctx, &tok, "SELECT webhook_token FROM bots WHERE id = ?", botID)
	return tok, err
}
