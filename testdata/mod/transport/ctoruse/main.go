// Command ctoruse starts servers another package built.
package main

import (
	"log"
	"time"

	"example.com/apivettest/servers/ctors"
	"github.com/labstack/echo/v4"
)

func main() {
	go func() {
		log.Print(ctors.Admin().Start(":8081")) // want `AV804 medium: .*Start serves with the http.Server echo.New\(\) made in ctors.Admin`
	}()
	go func() {
		app := ctors.Ingest()
		log.Print(app.Listen(":8082")) // want `AV804 medium: app.Listen serves with fasthttp and no ReadTimeout in the fiber.Config ctors.Ingest passes to fiber.New`
	}()
	go func() {
		log.Print(ctors.Console().Listen(":8083"))
	}()
	go func() {
		log.Print(ctors.Wrap(echo.New()).Start(":8084"))
	}()
	// the caller sets the timeout on the server the constructor made
	widget := ctors.Admin()
	widget.Server.ReadHeaderTimeout = 5 * time.Second
	go func() {
		log.Print(widget.Start(":8085"))
	}()
	// which does not reach another one
	other := ctors.Admin()
	go func() {
		log.Print(other.Start(":8086")) // want `AV804 medium: .*Start serves with the http.Server echo.New\(\) made in ctors.Admin`
	}()
	log.Fatal(ctors.Public().Start(":8080"))
}
