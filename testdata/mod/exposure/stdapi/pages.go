package stdapi

import (
	"encoding/json"
	"fmt"
	"html/template"
	"net/http"
	"strings"
)

var page = template.Must(template.New("page").Parse(`<h1>{{.Title}}</h1>`))

// Page writes the template's error, with template and field names, on a 500.
func Page(w http.ResponseWriter, r *http.Request) {
	var b strings.Builder
	if err := page.Execute(&b, map[string]string{"Title": r.URL.Query().Get("t")}); err != nil {
		http.Error(w, fmt.Sprintf("render: %v", err), http.StatusInternalServerError) // want `AV901`
		return
	}
	_, _ = w.Write([]byte(b.String()))
}

// Status encodes a response: an Encode error is about the connection, and
// writing it is pointless but leaks nothing.
func Status(w http.ResponseWriter, r *http.Request) {
	if err := json.NewEncoder(w).Encode(map[string]string{"status": "ok"}); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}
