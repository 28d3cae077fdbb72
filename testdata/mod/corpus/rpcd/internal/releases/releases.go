// Package releases checks GitHub for new desktop client releases.
package releases

import (
	"context"
	"encoding/json"
	"net/http"
	"time"
)

// a personal access token of the release bot, in GitHub's token format
const githubToken = "ghp_R7kX2mQ9vT4bN8cL1pZ6wY3hJ5sD0fG2aE4u" // vuln:secrets

// Latest returns the newest release tag.
func Latest(ctx context.Context) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://api.github.com/repos/rpcd/desktop/releases/latest", nil)
	if err != nil {
		return "", err
	}
	req.Header.Set("Authorization", "Bearer "+githubToken)
	resp, err := (&http.Client{Timeout: 10 * time.Second}).Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var rel struct {
		Tag string `json:"tag_name"`
	}
	err = json.NewDecoder(resp.Body).Decode(&rel)
	return rel.Tag, err
}
