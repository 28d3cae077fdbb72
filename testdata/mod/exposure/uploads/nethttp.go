package uploads

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"github.com/google/uuid"
)

// Store saves the attachments of the tickets API.
type Store struct {
	dir string
}

// Attach is the classic net/http upload.
func (s *Store) Attach(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseMultipartForm(32 << 20); err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return
	}
	file, header, err := r.FormFile("attachment")
	if err != nil {
		http.Error(w, "missing file", http.StatusBadRequest)
		return
	}
	defer file.Close()
	out, err := os.Create(filepath.Join(s.dir, header.Filename)) // want `AV902 medium: header.Filename, the file name the client sent, is used in the path given to os.Create`
	if err != nil {
		http.Error(w, "cannot store", http.StatusInternalServerError)
		return
	}
	defer out.Close()
	_, _ = io.Copy(out, file)
}

// Stream reads parts one by one.
func (s *Store) Stream(w http.ResponseWriter, r *http.Request) {
	mr, err := r.MultipartReader()
	if err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return
	}
	for {
		part, err := mr.NextPart()
		if err != nil {
			break
		}
		name := part.FileName()
		if name == "" {
			continue
		}
		data, _ := io.ReadAll(part)
		_ = os.WriteFile(filepath.Join(s.dir, name), data, 0o600) // want `AV902 medium: part.FileName\(\), the file name the client sent, is used in the path given to os.WriteFile`
	}
}

// Album makes a directory per uploaded name.
func (s *Store) Album(w http.ResponseWriter, r *http.Request) {
	_, header, err := r.FormFile("cover")
	if err != nil {
		return
	}
	_ = os.MkdirAll(filepath.Join(s.dir, "albums", header.Filename), 0o750) // want `AV902 medium: header.Filename, the file name the client sent, is used in the path given to os.MkdirAll`
}

// saveTo writes an upload under dir.
func saveTo(dir, name string, src io.Reader) error {
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(f, src)
	return err
}

// Helper hands the client's name to a helper.
func (s *Store) Helper(w http.ResponseWriter, r *http.Request) {
	file, header, err := r.FormFile("doc")
	if err != nil {
		return
	}
	defer file.Close()
	_ = saveTo(s.dir, header.Filename, file) // want `AV902 medium: header.Filename, the file name the client sent, is used in the path given to os.Create`
}

// --- safe look-alikes ---

// storeAs writes under a generated name only.
func storeAs(dir, name string, src io.Reader) error {
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(f, src)
	return err
}

// Generated hands the helper a generated name.
func (s *Store) Generated(w http.ResponseWriter, r *http.Request) {
	file, header, err := r.FormFile("doc")
	if err != nil {
		return
	}
	defer file.Close()
	_ = storeAs(s.dir, uuid.NewString()+filepath.Ext(header.Filename), file)
}

// Local rejects names that are not local.
func (s *Store) Local(w http.ResponseWriter, r *http.Request) {
	file, header, err := r.FormFile("doc")
	if err != nil {
		return
	}
	defer file.Close()
	if !filepath.IsLocal(header.Filename) || strings.ContainsAny(header.Filename, `/\`) {
		http.Error(w, "bad name", http.StatusBadRequest)
		return
	}
	out, _ := os.Create(filepath.Join(s.dir, header.Filename))
	defer out.Close()
	_, _ = io.Copy(out, file)
}

// Rooted joins under "/" first, which drops any "..".
func (s *Store) Rooted(w http.ResponseWriter, r *http.Request) {
	_, header, err := r.FormFile("doc")
	if err != nil {
		return
	}
	_ = os.WriteFile(filepath.Join(s.dir, filepath.Join("/", header.Filename)), nil, 0o600)
}

// Relative checks the joined path with filepath.Rel.
func (s *Store) Relative(w http.ResponseWriter, r *http.Request) {
	_, header, err := r.FormFile("doc")
	if err != nil {
		return
	}
	target := filepath.Join(s.dir, header.Filename)
	if rel, err := filepath.Rel(s.dir, target); err != nil || strings.HasPrefix(rel, "..") {
		http.Error(w, "bad name", http.StatusBadRequest)
		return
	}
	_ = os.WriteFile(target, nil, 0o600)
}
