// Package helper runs statements for other packages.
package helper

import "database/sql"

// Exec runs stmt.
func Exec(db *sql.DB, stmt string) error {
	_, err := db.Exec(stmt)
	return err
}
