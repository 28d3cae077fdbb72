// Package defmux registers its routes on http.DefaultServeMux; main
// serves it.
package defmux

import "net/http"

func items(w http.ResponseWriter, r *http.Request) {}

// Register adds the routes.
func Register() {
	http.HandleFunc("/items", items)
}
