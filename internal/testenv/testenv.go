// Package testenv locates apivet's test inputs for the tests of every
// package.
package testenv

import (
	"os"
	"path/filepath"
	"runtime"
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

// Module returns the analysistest module, testdata/mod: a module with its
// own go.mod that requires the real libraries apivet models. Its
// dependencies must be in the module cache (`go mod download` in that
// directory); analysistest runs with GOPROXY=off.
func Module(t testing.TB) string {
	return filepath.Join(Root(t), "testdata", "mod")
}
