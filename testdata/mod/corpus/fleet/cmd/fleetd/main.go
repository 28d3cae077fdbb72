// Command fleetd runs the driver API and the ops app.
package main

import (
	"context"
	"log"

	"example.com/apivettest/corpus/fleet/internal/api"
	"example.com/apivettest/corpus/fleet/internal/config"
	"example.com/apivettest/corpus/fleet/internal/db"
	"example.com/apivettest/corpus/fleet/internal/ops"
)

func main() {
	cfg := config.Load()
	store, err := db.Open(context.Background(), cfg.DatabaseURL)
	if err != nil {
		log.Fatal(err)
	}
	go func() {
		// fiber.New() without ReadTimeout: fasthttp waits forever for headers
		log.Print(ops.New(store).Listen(cfg.OpsAddr)) // vuln:transport
	}()
	// the API app was created with ReadTimeout set
	log.Fatal(api.New(cfg, store).Listen(cfg.APIAddr)) // safe:transport
}
