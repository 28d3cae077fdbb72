// Package export writes PGP-encrypted exports and NTLM hashes for the old AD sync.
package export

import (
	"io"

	// MD4 is deprecated and broken
	"golang.org/x/crypto/md4" // vuln:crypto
	// x/crypto/openpgp is deprecated and unmaintained
	"golang.org/x/crypto/openpgp" // vuln:crypto
)

// Encrypt writes data encrypted to the recipients' keys.
func Encrypt(w io.Writer, to openpgp.EntityList, data []byte) error {
	pw, err := openpgp.Encrypt(w, to, nil, nil, nil)
	if err != nil {
		return err
	}
	if _, err := pw.Write(data); err != nil {
		return err
	}
	return pw.Close()
}

// NTHash computes the NT hash the directory sync still expects.
func NTHash(utf16le []byte) []byte {
	h := md4.New()
	h.Write(utf16le)
	return h.Sum(nil)
}
