// Package probe2 writes into another package's field: the fact from that
// package no longer settles the value here.
package probe2

import (
	"os"

	"example.com/apivettest/strval/consts"
)

func show(any) {}

func foreignField() {
	cfg := consts.Default
	show(cfg.Name)      // want `unknown`
	show(consts.Key())  // want `\["k-users"\]`
	show(cfg.TTL * 2)   // want `\[7200000000000\]`
	var c2 consts.Config
	c2.Name = os.Getenv("NAME")
	_ = c2
}
