// Package reservations serves the booking endpoints. The storage behind it
// is the Repository interface; repo.Postgres implements it.
package reservations

import (
	"context"
	"time"
)

// Booking is one reservation.
type Booking struct {
	ID        int64     `json:"id"`
	HotelID   int64     `json:"hotel_id"`
	RoomID    int64     `json:"room_id"`
	GuestName string    `json:"guest_name"`
	CheckIn   time.Time `json:"check_in"`
	CheckOut  time.Time `json:"check_out"`
	Status    string    `json:"status"`
	Code      string    `json:"code"`
}

// Guest is a search hit in the front-desk guest search.
type Guest struct {
	ID       int64  `json:"id"`
	FullName string `json:"full_name"`
	Email    string `json:"email"`
}

// Slot is the number of free rooms of one type.
type Slot struct {
	RoomType string `json:"room_type"`
	Free     int    `json:"free"`
}

// Repository is the storage the handlers need.
type Repository interface {
	ListByHotel(ctx context.Context, hotelID int64, sort string) ([]Booking, error)
	SearchGuests(ctx context.Context, name string) ([]Guest, error)
	Create(ctx context.Context, b Booking) (int64, error)
	Confirm(ctx context.Context, ids []int64, note string) error
	Availability(ctx context.Context, hotelID int64, roomTypes []string) ([]Slot, error)
}
