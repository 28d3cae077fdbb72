package httpapi

import (
	"encoding/json"
	"net/http"

	"example.com/apivettest/corpus/bazaar/internal/dbutil"
)

func writeRows(w http.ResponseWriter, rows []dbutil.Row) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(rows)
}
