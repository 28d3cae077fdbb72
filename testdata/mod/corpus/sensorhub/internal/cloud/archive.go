// Package cloud archives old readings to object storage.
package cloud

import (
	"context"
	"crypto/md5"
	"encoding/base64"
	"fmt"
	"net/http"
	"os"
	"time"
)

// Credentials for the archive bucket. The documentation's example key id is
// kept for the local emulator; the production pair was pasted next to it.
const (
	// AWS's own documented example key id, accepted only by the emulator
	emulatorAccessKeyID = "AKIAIOSFODNN7EXAMPLE" // safe:secrets
	// a real-looking access key id
	archiveAccessKeyID = "AKIA4QXN7W2RKT5ZB3HD" // vuln:secrets
	// and its secret access key
	archiveSecretAccessKey = "u8Xq2Vt9Lr6Pz3Kw7Nb1Yc5Hs0Jd4Fg8Ma2Qe6T" // vuln:secrets
)

// Archiver uploads parquet files.
type Archiver struct {
	bucket string
	client *http.Client
	keyID  string
	secret string
}

// New picks the credentials for the environment.
func New(bucket string) *Archiver {
	a := &Archiver{bucket: bucket, client: &http.Client{Timeout: time.Minute}, keyID: archiveAccessKeyID, secret: archiveSecretAccessKey}
	if os.Getenv("SENSORHUB_EMULATOR") != "" {
		a.keyID = emulatorAccessKeyID
	}
	return a
}

// Put uploads one object.
func (a *Archiver) Put(ctx context.Context, key string, body []byte) error {
	if a.secret == "" {
		return fmt.Errorf("cloud: no credentials")
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, "https://"+a.bucket+".s3.amazonaws.com/"+key, nil)
	if err != nil {
		return err
	}
	// Content-MD5 is the object store's transfer checksum
	sum := md5.Sum(body) // safe:crypto
	req.Header.Set("Content-MD5", base64.StdEncoding.EncodeToString(sum[:]))
	_ = req
	return nil
}
