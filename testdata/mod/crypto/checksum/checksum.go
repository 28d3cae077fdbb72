// Package checksum computes ETags, cache keys and file checksums: MD5 and
// SHA-1 are fine for these.
package checksum

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha1"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"os"
)

// ETag is the quoted MD5 of the body.
func ETag(body []byte) string {
	return fmt.Sprintf(`"%x"`, md5.Sum(body))
}

func ServeFile(w http.ResponseWriter, r *http.Request, data []byte) {
	etag := fmt.Sprintf(`"%x"`, md5.Sum(data))
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("ETag", etag)
	w.Header().Set("Content-MD5", base64.StdEncoding.EncodeToString(md5.New().Sum(data)[:0]))
	w.Write(data)
}

// FileSHA1 streams a file through SHA-1 for deduplication.
func FileSHA1(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha1.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// Verify compares an upload with the checksum the client sent.
func Verify(data []byte, want string) bool {
	sum := md5.Sum(data)
	return hex.EncodeToString(sum[:]) == want
}

// CacheKey shortens a long query into a cache key.
func CacheKey(query string, args ...any) string {
	key := sha1.Sum([]byte(fmt.Sprint(query, args)))
	return "q:" + hex.EncodeToString(key[:])
}

// ObjectID is a content address.
func ObjectID(content []byte) string {
	id := sha1.Sum(content)
	return hex.EncodeToString(id[:])
}

// A MAC over a cached blob: HMAC-SHA1 is still a sound MAC and this is no
// token of ours.
func blobMAC(key, blob []byte) []byte {
	m := hmac.New(sha1.New, key)
	m.Write(blob)
	return m.Sum(nil)
}

// AssetToken fingerprints a static asset for cache busting: the content is
// public, the digest no secret.
func AssetToken(content []byte) string {
	assetToken := fmt.Sprintf("%x", md5.Sum(content))
	return assetToken
}

// pageToken encodes a pagination cursor.
func pageToken(offset int) string {
	token := fmt.Sprintf("%x", sha1.Sum([]byte(fmt.Sprint(offset))))
	return token[:12]
}
