// Package hashutil holds the hashing helpers every service copies around.
package hashutil

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
)

// MD5 returns the hex MD5 of s. Fine for checksums; what its callers hash
// decides whether it is a finding, and that is reported at their call.
func MD5(s string) string {
	sum := md5.Sum([]byte(s))
	return hex.EncodeToString(sum[:])
}

// Sha256Hex returns the hex SHA-256 of b.
func Sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// HmacSHA1 keys SHA-1 with a secret.
func HmacSHA1(key, data []byte) string {
	m := hmac.New(sha1.New, key)
	m.Write(data)
	return hex.EncodeToString(m.Sum(nil))
}
