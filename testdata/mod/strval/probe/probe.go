package probe

import (
	"fmt"
	"os"
	"strings"
	"time"

	"example.com/apivettest/strval/consts"
)

// show is what the test analyzer evaluates.
func show(any) {}

const prefix = "SELECT * FROM "

type repo struct {
	table string
	db    string
}

func newRepo() *repo { return &repo{table: "orders", db: os.Getenv("DB")} }

func literals() {
	show("abc") // want `\["abc"\]`
	show(prefix + consts.Table)         // want `\["SELECT \* FROM users"\]`
	show(consts.AccessTTL * 2)          // want `\[1800000000000\]`
	show(consts.DefaultSort)            // want `\["created_at"\]`
	show(consts.Key())                  // want `\["k-users"\]`
	show(consts.Env())                  // want `unknown`
	show(consts.Default.Name)           // want `\["svc"\]`
	show(consts.Default.Secret)         // want `unknown`
	show(os.Getenv("X"))                // want `unknown`
	show([]byte("key"))                 // want `\["key"\]`
	show(fmt.Sprintf("%s-%d", "a", 3))  // want `\["a-3"\]`
	show(strings.ToUpper(consts.Table)) // want `\["USERS"\]`
}

func locals(user string, n int) {
	q := "SELECT 1"
	show(q) // want `\["SELECT 1"\]`

	col := "name"
	switch n {
	case 1:
		col = "email"
	}
	show(col) // want `\["name" "email"\]`

	bad := "a"
	if n > 2 {
		bad = user
	}
	show(bad) // want `unknown`

	ttl := 30 * 24 * time.Hour
	show(ttl) // want `\[2592000000000000\]`

	days := 7
	show(time.Duration(days) * 24 * time.Hour) // want `\[604800000000000\]`

	s := "a"
	for i := 0; i < n; i++ {
		s += "b"
	}
	show(s) // want `\["a"\]\+`

	var ptr string
	read(&ptr)
	show(ptr) // want `unknown`

	allowed := map[string]string{"name": "u.name", "date": "u.created_at"}
	show(allowed[user]) // want `\["u.name" "u.created_at" ""\]`

	for _, c := range consts.Columns {
		show(c) // want `unknown`
	}
	for _, c := range []string{"x", "y"} {
		show(c) // want `\["x" "y"\]`
	}

	r := newRepo()
	show(r.table) // want `\["orders"\]`
	show(r.db)    // want `unknown`

	key, err := consts.Pick(n > 0)
	_ = err
	show(key) // want `\["a" "b"\]`
	show(user) // want `unknown`
}

func read(p *string) { *p = os.Getenv("Y") }

// order is unexported and every caller passes a constant.
func order(dir string) {
	show(dir) // want `\["ASC" "DESC"\]`
}

func callers(b bool) {
	order("ASC")
	order("DESC")
}

// named is unexported but one caller passes an unknown value.
func named(x string) {
	show(x) // want `unknown`
}

func callers2(u string) {
	named("a")
	named(u)
}

func deep() {
	x := "a"
	y := x
	x = y
	show(x) // want `\["a"\]`
}

func mapKeys(req map[string]string) {
	fields := map[string]any{}
	if req["a"] != "" {
		fields["name"] = req["a"]
	}
	fields["updated_at"] = 1
	for k := range fields {
		show(k) // want `\["name" "updated_at"\]`
	}
	for k := range req {
		show(k) // want `unknown`
	}
}

