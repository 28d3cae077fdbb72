package orm

import (
	"fmt"

	"gorm.io/gorm"
)

type User struct {
	ID   uint
	Name string
}

type Store struct{ db *gorm.DB }

func (s *Store) ByName(name string) (u User, err error) {
	err = s.db.Where("name = '" + name + "'").First(&u).Error // want `AV302 high: SQL clause built with concatenation from parameter "name" reaches \(\*gorm.DB\).Where; use a placeholder \(\?\) and pass name as an argument`
	return
}

func (s *Store) ByNameSafe(name string) (u User, err error) {
	err = s.db.Where("name = ?", name).First(&u).Error
	return
}

func (s *Store) ByStruct(name string) (u User, err error) {
	err = s.db.Where(&User{Name: name}).First(&u).Error
	return
}

func (s *Store) Sorted(sort string) (us []User, err error) {
	err = s.db.Model(&User{}).
		Order(sort + " desc"). // want `AV302 high: SQL clause built with concatenation from parameter "sort" reaches \(\*gorm.DB\).Order; choose the identifier from an allow-list`
		Find(&us).Error
	return
}

func (s *Store) Raw(table string, id int) (u User, err error) {
	err = s.db.Raw(fmt.Sprintf("SELECT * FROM %s WHERE id = ?", table), id).Scan(&u).Error // want `AV301 high: query built with fmt.Sprintf from parameter "table" reaches \(\*gorm.DB\).Raw`
	return
}

func (s *Store) RawSafe(id int) (u User, err error) {
	err = s.db.Raw("SELECT * FROM users WHERE id = ?", id).Scan(&u).Error
	return
}

var orderColumns = map[string]string{"name": "name", "newest": "created_at DESC"}

func (s *Store) SortedSafe(key string) (us []User, err error) {
	err = s.db.Order(orderColumns[key]).Find(&us).Error
	return
}

// Scopes built from the statement's own table name are not client input.
func DeptScope(db *gorm.DB, ids []uint) *gorm.DB {
	table := db.Statement.Table
	deptCol := table + ".dept_id"
	return db.Where(deptCol+" IN ?", ids)
}
