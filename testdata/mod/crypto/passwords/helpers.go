package passwords

import (
	"net/http"

	"example.com/apivettest/crypto/hashutil"
)

type profile struct {
	Email    string `json:"email"`
	Password string `json:"password"`
	Avatar   string `json:"avatar"`
}

// SaveProfile hashes the password with a helper of another package: the
// finding is on the call, where the password goes in.
func (s *Store) SaveProfile(p profile) error {
	p.Password = hashutil.MD5(p.Password) // want `hashutil.MD5 hashes password p.Password with MD5`
	p.Avatar = "https://www.gravatar.com/avatar/" + hashutil.MD5(p.Email)
	_, err := s.db.Exec("UPDATE users SET password = $1, avatar = $2 WHERE email = $3", p.Password, p.Avatar, p.Email)
	return err
}

func (s *Store) CheckAPIPassword(r *http.Request, stored string) bool {
	return hashutil.Sha256Hex([]byte(r.Header.Get("X-Api-Password"))) == stored // want `hashutil.Sha256Hex hashes password r.Header.Get\("X-Api-Password"\) with a fast hash \(SHA256\)`
}

func signBody(key, body []byte) string {
	return hashutil.HmacSHA1(key, body)
}
