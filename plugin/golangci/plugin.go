// Package golangci registers apivet as a golangci-lint v2 module plugin.
//
// Build a custom golangci-lint with the .golangci-plugin.yml file at the
// root of apivet's repository (copy it to .custom-gcl.yml and run
// `golangci-lint custom`), then enable it in .golangci.yml:
//
//	version: "2"
//	linters:
//	  enable: [apivet]
//	  settings:
//	    custom:
//	      apivet:
//	        type: module
//	        settings:
//	          disable: [AV302]
//	          min-severity: medium
//	          settings:
//	            jwt:
//	              max-access-lifetime: 1h
//
// The settings are the keys of .apivet.yml (enable, disable, min-severity,
// tests, generated, exclude, settings.<analyzer>.<flag>); unknown keys are
// an error. The analyzers and thresholds are the same as the CLI's.
package golangci

import (
	"encoding/json"
	"fmt"
	"sync"

	"github.com/apivet/apivet/analyzers"
	"github.com/apivet/apivet/internal/config"
	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"
)

func init() {
	register.Plugin("apivet", New)
}

// Settings are the plugin's settings in .golangci.yml.
type Settings struct {
	Enable      []string                  `json:"enable,omitempty"`
	Disable     []string                  `json:"disable,omitempty"`
	MinSeverity string                    `json:"min-severity,omitempty"`
	Tests       *bool                     `json:"tests,omitempty"`
	Generated   *bool                     `json:"generated,omitempty"`
	Exclude     []string                  `json:"exclude,omitempty"`
	Settings    map[string]map[string]any `json:"settings,omitempty"`
}

// Plugin is apivet's golangci-lint plugin.
type Plugin struct {
	analyzers []*analysis.Analyzer
}

var configured sync.Mutex

// New decodes the settings and configures the analyzers.
func New(raw any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[Settings](raw)
	if err != nil {
		return nil, fmt.Errorf("apivet: %w", err)
	}
	all := analyzers.All()
	// golangci-lint decides whether test files are analysed (run.tests);
	// apivet reports in every file it is given.
	if s.Tests == nil {
		t := true
		s.Tests = &t
	}
	// Re-read the settings as an .apivet.yml document (JSON is YAML), so
	// the plugin validates and applies them exactly as the CLI does.
	doc, err := json.Marshal(s)
	if err != nil {
		return nil, fmt.Errorf("apivet: %w", err)
	}
	cfg, err := config.Parse("golangci-lint settings for apivet", doc, all)
	if err != nil {
		return nil, err
	}
	configured.Lock()
	defer configured.Unlock()
	if err := config.Apply(all, cfg.FlagValues()); err != nil {
		return nil, fmt.Errorf("apivet: %w", err)
	}
	return &Plugin{analyzers: all}, nil
}

// BuildAnalyzers returns apivet's analyzers.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) { return p.analyzers, nil }

// GetLoadMode asks golangci-lint for type information.
func (p *Plugin) GetLoadMode() string { return register.LoadModeTypesInfo }
