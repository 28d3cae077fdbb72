package cgoapp

/*
static int answer(void) { return 42; }
*/
import "C"

import "database/sql"

func Answer() int { return int(C.answer()) }

func Lookup(db *sql.DB, key string) (*sql.Rows, error) {
	return db.Query("SELECT v FROM kv WHERE k = '" + key + "'")
}
