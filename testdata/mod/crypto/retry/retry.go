// Package retry retries calls with jittered backoff and spreads load:
// math/rand is the right tool here.
package retry

import (
	"context"
	"math/rand"
	randv2 "math/rand/v2"
	"strconv"
	"time"
)

// Do retries fn with exponential backoff and full jitter.
func Do(ctx context.Context, attempts int, base time.Duration, fn func() error) error {
	var err error
	for i := 0; i < attempts; i++ {
		if err = fn(); err == nil {
			return nil
		}
		backoff := base << i
		jitter := time.Duration(rand.Int63n(int64(backoff)))
		select {
		case <-time.After(backoff/2 + jitter/2):
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return err
}

// Sleep adds ±20% jitter with math/rand/v2.
func Sleep(d time.Duration) {
	delta := time.Duration(randv2.Int64N(int64(d) / 5))
	time.Sleep(d - d/10 + delta)
}

// Pick chooses a backend at random.
func Pick(backends []string) string {
	return backends[rand.Intn(len(backends))]
}

// PickKey spreads calls over several API keys: choosing one of the keys is
// no new secret.
func PickKey(apiKeys []string) string {
	apiKey := apiKeys[randv2.IntN(len(apiKeys))]
	return apiKey
}

// Sampled keeps a share of the traces.
func Sampled(rate float64) bool {
	return rand.Float64() < rate
}

// Shuffle randomises the order of the replicas.
func Shuffle(replicas []string) {
	rand.Shuffle(len(replicas), func(i, j int) { replicas[i], replicas[j] = replicas[j], replicas[i] })
}

// TraceID is not a secret.
func TraceID() string {
	return strconv.FormatUint(randv2.Uint64(), 16)
}

// tokens refills a rate-limit bucket: "tokens" here count requests.
func refill(tokens, max int) int {
	tokens += rand.Intn(3)
	if tokens > max {
		tokens = max
	}
	return tokens
}
