// Package user builds a statement and runs it through helper.Exec.
package user

import (
	"database/sql"

	"example.com/shop/helper"
)

func Delete(db *sql.DB, name string) error {
	return helper.Exec(db, "DELETE FROM users WHERE name = '"+name+"'")
}
