// Package testenv locates apivet's test inputs for the tests of every
// package and makes sure the modules they import are in the module cache.
package testenv

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
)

// Root returns the repository root (the directory holding the top go.mod).
func Root(t testing.TB) string {
	t.Helper()
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("testenv: cannot locate source")
	}
	dir := filepath.Dir(file)
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			if _, err := os.Stat(filepath.Join(dir, "testdata", "mod")); err == nil {
				return dir
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("testenv: repository root not found")
		}
		dir = parent
	}
}

var downloads sync.Map // dir → *download

type download struct {
	once sync.Once
	err  error
	out  []byte
}

// Download runs `go mod download` once per process in a nested module, so
// that analysistest (which loads with GOPROXY=off) and the end-to-end tests
// find every dependency in the module cache. It is cheap when they are
// already there, and needs the module proxy only on a cold cache.
func Download(t testing.TB, dir string) {
	t.Helper()
	v, _ := downloads.LoadOrStore(dir, &download{})
	d := v.(*download)
	d.once.Do(func() {
		cmd := exec.Command("go", "mod", "download")
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod")
		d.out, d.err = cmd.CombinedOutput()
	})
	if d.err != nil {
		t.Fatalf("go mod download in %s: %v\n%s", dir, d.err, d.out)
	}
}

// Module returns the analysistest module, testdata/mod: a module with its
// own go.mod that requires the real libraries apivet models, with its
// dependencies downloaded.
func Module(t testing.TB) string {
	dir := filepath.Join(Root(t), "testdata", "mod")
	Download(t, dir)
	return dir
}
