package session

import (
	"math/rand"
	"strconv"
	"testing"
)

// Test files are not reported: math/rand makes test tokens.
func TestStore(t *testing.T) {
	token := strconv.Itoa(rand.Int())
	s := &Store{sessions: map[string]string{token: "u1"}}
	if s.sessions[token] != "u1" {
		t.Fatal("lost")
	}
}
