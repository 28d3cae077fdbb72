package golangci

// TestCustomGolangciLint builds a real golangci-lint with the apivet plugin
// inside, the way `golangci-lint custom` does, from the .golangci-plugin.yml
// file users copy, and runs it on the end-to-end fixture module.
//
// `golangci-lint custom` clones golangci-lint's repository with git; this
// test takes the same source from the module proxy instead (go mod download),
// replaces cmd/golangci-lint/plugins.go with a blank import of the plugin,
// points our module at this checkout with a replace directive, and builds.
// A cold build takes a few minutes on two cores; `go test -short` skips it.

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/apivet/apivet/internal/testenv"
	"go.yaml.in/yaml/v3"
)

type customGCL struct {
	Version string `yaml:"version"`
	Plugins []struct {
		Module  string `yaml:"module"`
		Import  string `yaml:"import"`
		Version string `yaml:"version"`
		Path    string `yaml:"path"`
	} `yaml:"plugins"`
}

func goCmd(t *testing.T, dir string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("go %s (in %s): %v\n%s%s", strings.Join(args, " "), dir, err, out.Bytes(), errb.Bytes())
	}
	return out.Bytes()
}

func TestCustomGolangciLint(t *testing.T) {
	if testing.Short() {
		t.Skip("builds golangci-lint: skipped with -short")
	}
	root := testenv.Root(t)
	data, err := os.ReadFile(filepath.Join(root, ".golangci-plugin.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var cfg customGCL
	if err := yaml.Unmarshal(data, &cfg); err != nil {
		t.Fatalf(".golangci-plugin.yml: %v", err)
	}
	if cfg.Version == "" || len(cfg.Plugins) != 1 {
		t.Fatalf(".golangci-plugin.yml: want a version and one plugin, got %+v", cfg)
	}
	plugin := cfg.Plugins[0]
	if plugin.Module != "github.com/apivet/apivet" || plugin.Import != "github.com/apivet/apivet/plugin/golangci" {
		t.Fatalf(".golangci-plugin.yml names module %q import %q", plugin.Module, plugin.Import)
	}

	// The source, from the module proxy.
	var dl struct{ Dir string }
	out := goCmd(t, root, "mod", "download", "-json", "github.com/golangci/golangci-lint/v2@"+cfg.Version)
	if err := json.Unmarshal(out, &dl); err != nil || dl.Dir == "" {
		t.Fatalf("go mod download: %v\n%s", err, out)
	}
	// A stable place, so that the build cache is reused between runs.
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	src := filepath.Join(cache, "apivet-test", "golangci-lint-"+cfg.Version)
	if err := os.RemoveAll(src); err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(src, os.DirFS(dl.Dir)); err != nil {
		t.Fatal(err)
	}
	if err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		mode := os.FileMode(0o644)
		if d.IsDir() {
			mode = 0o755
		}
		return os.Chmod(p, mode)
	}); err != nil {
		t.Fatal(err)
	}
	plugins := "// Code written by apivet's plugin test, as golangci-lint custom would.\n\npackage main\n\nimport _ \"" + plugin.Import + "\"\n"
	if err := os.WriteFile(filepath.Join(src, "cmd", "golangci-lint", "plugins.go"), []byte(plugins), 0o644); err != nil {
		t.Fatal(err)
	}
	goCmd(t, src, "mod", "edit", "-replace", plugin.Module+"="+root)
	goCmd(t, src, "mod", "edit", "-require", plugin.Module+"@v0.0.0-00010101000000-000000000000")
	goCmd(t, src, "mod", "tidy")
	bin := filepath.Join(t.TempDir(), "golangci-lint")
	date := time.Now().UTC().Format(time.RFC3339)
	goCmd(t, src, "build", "-o", bin, "-ldflags", "-X main.version="+strings.TrimPrefix(cfg.Version, "v")+" -X main.date="+date, "./cmd/golangci-lint")

	fixture := filepath.Join(root, "testdata", "e2e")
	run := func(settings string) string {
		t.Helper()
		conf := filepath.Join(t.TempDir(), ".golangci.yml")
		yml := `version: "2"
run:
  tests: false
  relative-path-mode: wd
linters:
  default: none
  enable: [apivet]
  settings:
    custom:
      apivet:
        type: module
        description: security linter for Go web APIs
        original-url: github.com/apivet/apivet
        settings:
` + settings + `
issues:
  max-issues-per-linter: 0
  max-same-issues: 0
  uniq-by-line: false
`
		if err := os.WriteFile(conf, []byte(yml), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(bin, "run", "-c", conf, "--output.text.path=stdout", "./app/...", "./generic/...")
		cmd.Dir = fixture
		cmd.Env = append(os.Environ(), "GOWORK=off")
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		if ee, ok := err.(*exec.ExitError); err != nil && (!ok || ee.ExitCode() != 1) {
			t.Fatalf("golangci-lint run: %v\nstdout:\n%s\nstderr:\n%s", err, stdout.Bytes(), stderr.Bytes())
		}
		return stdout.String()
	}

	got := run("          min-severity: low")
	for _, want := range []string{
		"app/db.go:14:14: sqli: AV301 high: query built with concatenation",
		"app/db.go:19:20: sqli: AV301 high: query built with fmt.Sprintf",
		"generic/generic.go:8:14: sqli: AV301 high",
		"(apivet)",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("golangci-lint output lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "view names come from") || strings.Contains(got, "db.go:29") {
		t.Errorf("an //apivet:ignore'd finding came out:\n%s", got)
	}

	// Settings take effect: SQL off, directives still checked.
	got = run("          disable: [sql]")
	if strings.Contains(got, "AV301 high") {
		t.Errorf("disable: [sql] did not take effect:\n%s", got)
	}
	if !strings.Contains(got, "AV001") {
		t.Errorf("the directive finding is missing with disable: [sql]:\n%s", got)
	}
}
