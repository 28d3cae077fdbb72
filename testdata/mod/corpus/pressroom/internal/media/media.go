// Package media stores uploaded images and signs their CDN URLs.
package media

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"io"
	"mime/multipart"
	"net/url"
	"os"
	"path/filepath"
	"strings"
)

// Library is the media store.
type Library struct {
	Dir        string
	BaseURL    string
	SigningKey []byte
}

// SignedURL returns an image URL the CDN will serve, resized.
func (l *Library) SignedURL(name string, width int) string {
	path := fmt.Sprintf("/img/%s?w=%d", url.PathEscape(name), width)
	// HMAC-SHA1 signs the CDN URLs
	mac := hmac.New(sha1.New, l.SigningKey) // vuln:crypto
	mac.Write([]byte(path))
	return l.BaseURL + path + "&s=" + hex.EncodeToString(mac.Sum(nil))
}

func copyTo(dst *os.File, fh *multipart.FileHeader) error {
	src, err := fh.Open()
	if err != nil {
		return err
	}
	defer src.Close()
	_, err = io.Copy(dst, src)
	return err
}

// SaveAsIs keeps the editor's file name so that URLs stay readable.
func (l *Library) SaveAsIs(fh *multipart.FileHeader) (string, error) {
	// the uploaded name goes into the path unchanged
	dst, err := os.Create(filepath.Join(l.Dir, fh.Filename)) // vuln:exposure
	if err != nil {
		return "", err
	}
	defer dst.Close()
	return fh.Filename, copyTo(dst, fh)
}

// SaveGenerated stores the file under a random name with the original extension.
func (l *Library) SaveGenerated(fh *multipart.FileHeader) (string, error) {
	buf := make([]byte, 12)
	if _, err := rand.Read(buf); err != nil {
		return "", err
	}
	name := hex.EncodeToString(buf) + strings.ToLower(filepath.Ext(fh.Filename))
	// generated name; only the extension is taken from the client
	dst, err := os.Create(filepath.Join(l.Dir, name)) // safe:exposure
	if err != nil {
		return "", err
	}
	defer dst.Close()
	return name, copyTo(dst, fh)
}
