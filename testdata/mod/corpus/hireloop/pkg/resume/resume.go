// Package resume stores uploaded CVs.
package resume

import (
	"crypto/md5"
	"crypto/rand"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
)

// Store saves a resume under a generated name and returns that name and the
// file's MD5 (used to spot the same CV sent twice).
func Store(dir, clientName string, r io.Reader) (string, string, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", "", err
	}
	name := hex.EncodeToString(b) + filepath.Ext(clientName)
	// a generated file name; the client's name only lends its extension
	f, err := os.Create(filepath.Join(dir, name)) // safe:exposure
	if err != nil {
		return "", "", err
	}
	defer f.Close()
	// MD5 as a duplicate detector
	h := md5.New() // safe:crypto
	if _, err := io.Copy(io.MultiWriter(f, h), r); err != nil {
		return "", "", err
	}
	return name, hex.EncodeToString(h.Sum(nil)), nil
}
