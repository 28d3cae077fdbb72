// Command portal takes its cookie policy from configuration.
package main

import (
	"encoding/json"
	"log"
	"net/http"
	"os"

	"github.com/gorilla/sessions"
)

type config struct {
	SameSite http.SameSite `json:"same_site"`
	Key      string        `json:"key"`
}

func loadConfig(path string) (config, error) {
	var cfg config
	data, err := os.ReadFile(path)
	if err != nil {
		return cfg, err
	}
	err = json.Unmarshal(data, &cfg)
	return cfg, err
}

func main() {
	cfg, err := loadConfig("/etc/portal.json")
	if err != nil {
		log.Fatal(err)
	}
	store := sessions.NewCookieStore([]byte(cfg.Key))
	// The policy comes from configuration: apivet cannot rule Lax out.
	store.Options.SameSite = cfg.SameSite

	mux := http.NewServeMux()
	mux.HandleFunc("POST /preferences", func(w http.ResponseWriter, r *http.Request) {
		sess, _ := store.Get(r, "portal")
		_ = sess.Values["uid"]
	})
	log.Fatal(http.ListenAndServe(":8080", mux))
}
