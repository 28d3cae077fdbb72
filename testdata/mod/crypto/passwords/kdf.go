package passwords

import (
	"crypto/pbkdf2"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"fmt"
	"net/http"
	"strings"

	"example.com/apivettest/crypto/consts"
	"golang.org/x/crypto/argon2"
	xpbkdf2 "golang.org/x/crypto/pbkdf2"
	"golang.org/x/crypto/scrypt"
)

func pbkdf2Weak(password string, salt []byte) []byte {
	return xpbkdf2.Key([]byte(password), salt, 10000, 32, sha256.New) // want `pbkdf2 with 10000 iterations of HMAC-SHA256 is below OWASP's 600000`
}

func pbkdf2FromConst(password string, salt []byte) []byte {
	return xpbkdf2.Key([]byte(password), salt, consts.PBKDF2Iterations, 32, sha512.New) // want `pbkdf2 with 10000 iterations of HMAC-SHA512 is below OWASP's 210000`
}

func pbkdf2Good(password string, salt []byte) []byte {
	return xpbkdf2.Key([]byte(password), salt, 600_000, 32, sha256.New)
}

func pbkdf2StdSHA512(password string, salt []byte) ([]byte, error) {
	return pbkdf2.Key(sha512.New, password, salt, 210000, 64)
}

func pbkdf2StdSHA1(password string, salt []byte) ([]byte, error) {
	return pbkdf2.Key(sha1.New, password, salt, 600000, 20) // want `pbkdf2 with 600000 iterations of HMAC-SHA1 is below OWASP's 1300000`
}

func argonTiny(password string, salt []byte) []byte {
	return argon2.IDKey([]byte(password), salt, 1, 1024, 4, 32) // want `argon2.IDKey with 1024 KiB of memory and time 1 is below OWASP's minimum`
}

func argonRecommended(password string, salt []byte) []byte {
	return argon2.IDKey([]byte(password), salt, 1, 64*1024, 4, 32)
}

func argonMorePasses(password string, salt []byte) []byte {
	const memory = 12 * 1024
	return argon2.IDKey([]byte(password), salt, 3, memory, 1, 32)
}

func scryptWeak(password string, salt []byte) ([]byte, error) {
	return scrypt.Key([]byte(password), salt, 1024, 8, 1, 32) // want `scrypt N=1024 is below 16384`
}

func scryptGood(password string, salt []byte) ([]byte, error) {
	return scrypt.Key([]byte(password), salt, 1<<15, 8, 1, 32)
}

// pwnedPrefix is the Have I Been Pwned range query: SHA-1 of the password
// by the API's design.
func pwnedPrefix(password string) (string, error) {
	sum := sha1.Sum([]byte(password))
	h := strings.ToUpper(hex.EncodeToString(sum[:]))
	resp, err := http.Get("https://api.pwnedpasswords.com/range/" + h[:5])
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	return fmt.Sprint(resp.StatusCode), nil
}
