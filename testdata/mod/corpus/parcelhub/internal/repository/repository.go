// Package repository declares parcelhub's storage interfaces.
package repository

import (
	"context"
	"time"
)

type Shipment struct {
	ID             string    `db:"id"`
	MerchantID     string    `db:"merchant_id"`
	TrackingNumber string    `db:"tracking_number"`
	Recipient      string    `db:"recipient_name"`
	Status         string    `db:"status"`
	CreatedAt      time.Time `db:"created_at"`
}

type Driver struct {
	ID           string `db:"id"`
	Depot        string `db:"depot"`
	PINHash      []byte `db:"pin_hash"`
	PINSalt      []byte `db:"pin_salt"`
	DeviceSecret string `db:"device_secret"`
}

type ShipmentQuery struct {
	MerchantID string
	Statuses   []string
	Recipient  string
	SortBy     string
	Desc       bool
}

type Shipments interface {
	Get(ctx context.Context, id string) (*Shipment, error)
	ByTracking(ctx context.Context, number string) (*Shipment, error)
	Search(ctx context.Context, q ShipmentQuery) ([]Shipment, error)
	CountForMerchant(ctx context.Context, merchantID string) (int, error)
	Create(ctx context.Context, s *Shipment) error
	ByIDs(ctx context.Context, ids []string) ([]Shipment, error)
	PurgeDelivered(ctx context.Context, olderThanDays int) error
	SetStatus(ctx context.Context, id, status string) error
}

type Drivers interface {
	Get(ctx context.Context, id string) (*Driver, error)
}
