// Package streamkeys creates RTMP ingest keys and picks edges.
package streamkeys

import (
	"fmt"
	"math/rand"
)

// New creates the secret stream key a broadcaster puts into OBS.
func New(channelID int64) string {
	// the ingest secret comes from math/rand
	return fmt.Sprintf("live_%d_%016x", channelID, rand.Uint64()) // vuln:crypto
}

// PickEdge spreads viewers over the CDN edges.
func PickEdge(edges []string) string {
	// load spreading
	return edges[rand.Intn(len(edges))] // safe:crypto
}
