// Package passwords hashes student and staff passwords and keeps the legacy
// NTLM hash the district's file servers still check.
package passwords

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/binary"
	"unicode/utf16"

	"golang.org/x/crypto/argon2"
	// x/crypto/md4 is deprecated
	"golang.org/x/crypto/md4" // vuln:crypto
)

// Hash derives a salted argon2id hash.
func Hash(password string) (hash, salt []byte, err error) {
	salt = make([]byte, 16)
	if _, err = rand.Read(salt); err != nil {
		return nil, nil, err
	}
	// argon2id, 64 MiB, 3 passes
	return argon2.IDKey([]byte(password), salt, 3, 64*1024, 4, 32), salt, nil // safe:crypto
}

// Check compares a password with a stored hash.
func Check(password string, hash, salt []byte) bool {
	got := argon2.IDKey([]byte(password), salt, 3, 64*1024, 4, 32)
	return subtle.ConstantTimeCompare(got, hash) == 1
}

// NTLM is the hash the legacy file servers want.
func NTLM(password string) []byte {
	u := utf16.Encode([]rune(password))
	b := make([]byte, 2*len(u))
	for i, r := range u {
		binary.LittleEndian.PutUint16(b[2*i:], r)
	}
	h := md4.New()
	h.Write(b)
	return h.Sum(nil)
}
