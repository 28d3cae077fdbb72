// Package clients talks to the channel manager that distributes rates to
// the online travel agencies.
package clients

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"time"

	"example.com/apivettest/corpus/roombook/internal/config"
)

// the key the channel manager issued to us, committed with the code
const channelManagerAPIKey = "cm_live_8Gf2kQ9xW4pT7nZ1rV6yB3hL0sD5jA2c" // vuln:secrets

// ChannelManager pushes rates and availability.
type ChannelManager struct {
	base string
	http *http.Client
}

// NewChannelManager builds the client.
func NewChannelManager(base string) *ChannelManager {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.TLSClientConfig = &tls.Config{
		// TLS 1.2 is the floor the rule asks for
		MinVersion: tls.VersionTLS12, // safe:transport
	}
	return &ChannelManager{base: base, http: &http.Client{Transport: tr, Timeout: 15 * time.Second}}
}

// Rate is one price for one room type and night.
type Rate struct {
	RoomType string  `json:"room_type"`
	Date     string  `json:"date"`
	Price    float64 `json:"price"`
}

// PushRates sends rates, retrying with jittered backoff.
func (c *ChannelManager) PushRates(ctx context.Context, hotelID int64, rates []Rate) error {
	body, err := json.Marshal(rates)
	if err != nil {
		return err
	}
	backoff := 200 * time.Millisecond
	for attempt := 0; attempt < 4; attempt++ {
		req, err := http.NewRequestWithContext(ctx, http.MethodPut, fmt.Sprintf("%s/hotels/%d/rates", c.base, hotelID), bytes.NewReader(body))
		if err != nil {
			return err
		}
		req.Header.Set(config.HeaderAPIKey, channelManagerAPIKey)
		req.Header.Set("Content-Type", "application/json")
		resp, err := c.http.Do(req)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode < 500 {
				return nil
			}
		}
		// math/rand only spreads the retries out
		sleep := backoff + time.Duration(rand.Int64N(int64(backoff))) // safe:crypto
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(sleep):
		}
		backoff *= 2
	}
	return fmt.Errorf("channel manager: rates for hotel %d not accepted", hotelID)
}
