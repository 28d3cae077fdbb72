package respond

// This file is the pass's knowledge of how handlers write responses in
// net/http, gin, echo and fiber: data only. analyzers/exposure reads it
// through Result.

const (
	pkgHTTP  = "net/http"
	pkgGin   = "github.com/gin-gonic/gin"
	pkgEcho  = "github.com/labstack/echo/v4"
	pkgFiber = "github.com/gofiber/fiber/v2"
	// fiber v3's Ctx is an interface with the same method names.
	pkgFiber3 = "github.com/gofiber/fiber/v3"
)

// writer describes a call that writes a response body.
type writer struct {
	// status is the index of the status code argument; statusWriteHeader
	// means the status is the one set before (w.WriteHeader(code) for
	// net/http writers, c.Status(code) for fiber, also chained:
	// c.Status(500).JSON(...)).
	status int
	// body lists the indexes of the arguments written; variadic extends
	// the last one to every later argument.
	body     []int
	variadic bool
	// errors is set when an error value passed as a body argument is
	// written as its text (fmt's verbs, echo's HTTPError message), rather
	// than encoded as JSON (where an error without exported fields is {}).
	errors bool
	// returned is set for error values that a handler returns and the
	// framework's error handler writes (echo.NewHTTPError, fiber.NewError).
	returned bool
}

const statusBefore = -1

// writers are the response writers, by FuncKey.
var writers = map[string]writer{
	pkgHTTP + ".Error": {status: 2, body: []int{1}},

	pkgGin + ".Context.JSON":                    {status: 0, body: []int{1}},
	pkgGin + ".Context.IndentedJSON":            {status: 0, body: []int{1}},
	pkgGin + ".Context.SecureJSON":              {status: 0, body: []int{1}},
	pkgGin + ".Context.JSONP":                   {status: 0, body: []int{1}},
	pkgGin + ".Context.AsciiJSON":               {status: 0, body: []int{1}},
	pkgGin + ".Context.PureJSON":                {status: 0, body: []int{1}},
	pkgGin + ".Context.XML":                     {status: 0, body: []int{1}},
	pkgGin + ".Context.YAML":                    {status: 0, body: []int{1}},
	pkgGin + ".Context.TOML":                    {status: 0, body: []int{1}},
	pkgGin + ".Context.AbortWithStatusJSON":     {status: 0, body: []int{1}},
	pkgGin + ".Context.AbortWithStatusPureJSON": {status: 0, body: []int{1}},
	pkgGin + ".Context.String":                  {status: 0, body: []int{1, 2}, variadic: true, errors: true},
	pkgGin + ".Context.Data":                    {status: 0, body: []int{2}},

	pkgEcho + ".Context.JSON":       {status: 0, body: []int{1}},
	pkgEcho + ".Context.JSONPretty": {status: 0, body: []int{1}},
	pkgEcho + ".Context.JSONBlob":   {status: 0, body: []int{1}},
	pkgEcho + ".Context.JSONP":      {status: 0, body: []int{2}},
	pkgEcho + ".Context.XML":        {status: 0, body: []int{1}},
	pkgEcho + ".Context.XMLPretty":  {status: 0, body: []int{1}},
	pkgEcho + ".Context.XMLBlob":    {status: 0, body: []int{1}},
	pkgEcho + ".Context.String":     {status: 0, body: []int{1}},
	pkgEcho + ".Context.HTML":       {status: 0, body: []int{1}},
	pkgEcho + ".Context.HTMLBlob":   {status: 0, body: []int{1}},
	pkgEcho + ".Context.Blob":       {status: 0, body: []int{2}},
	// echo's DefaultHTTPErrorHandler writes a string message as
	// {"message": m} and an error message as {"message": m.Error()}.
	pkgEcho + ".NewHTTPError": {status: 0, body: []int{1}, variadic: true, errors: true, returned: true},

	pkgFiber + ".Ctx.JSON":        {status: statusBefore, body: []int{0}},
	pkgFiber + ".Ctx.JSONP":       {status: statusBefore, body: []int{0}},
	pkgFiber + ".Ctx.XML":         {status: statusBefore, body: []int{0}},
	pkgFiber + ".Ctx.SendString":  {status: statusBefore, body: []int{0}},
	pkgFiber + ".Ctx.Send":        {status: statusBefore, body: []int{0}},
	pkgFiber + ".Ctx.WriteString": {status: statusBefore, body: []int{0}},
	pkgFiber + ".Ctx.Write":       {status: statusBefore, body: []int{0}},
	// fiber's DefaultErrorHandler writes e.Message with e.Code.
	pkgFiber + ".NewError": {status: 0, body: []int{1}, variadic: true, returned: true},

	pkgFiber3 + ".Ctx.JSON":        {status: statusBefore, body: []int{0}},
	pkgFiber3 + ".Ctx.JSONP":       {status: statusBefore, body: []int{0}},
	pkgFiber3 + ".Ctx.XML":         {status: statusBefore, body: []int{0}},
	pkgFiber3 + ".Ctx.SendString":  {status: statusBefore, body: []int{0}},
	pkgFiber3 + ".Ctx.Send":        {status: statusBefore, body: []int{0}},
	pkgFiber3 + ".Ctx.WriteString": {status: statusBefore, body: []int{0}},
	pkgFiber3 + ".Ctx.Write":       {status: statusBefore, body: []int{0}},
	pkgFiber3 + ".NewError":        {status: 0, body: []int{1}, variadic: true, returned: true},

	// Writers of an http.ResponseWriter (matched by the writer argument's
	// type), with the status set by w.WriteHeader before.
	"fmt.Fprint":     {status: statusBefore, body: []int{1}, variadic: true, errors: true},
	"fmt.Fprintln":   {status: statusBefore, body: []int{1}, variadic: true, errors: true},
	"fmt.Fprintf":    {status: statusBefore, body: []int{1, 2}, variadic: true, errors: true},
	"io.WriteString": {status: statusBefore, body: []int{1}},
}

// marshalers return their argument encoded: the text it holds stays in
// the result (json.Marshal(payload) written with w.Write).
var marshalers = map[string]int{
	"encoding/json.Marshal":       0,
	"encoding/json.MarshalIndent": 0,
	"encoding/xml.Marshal":        0,
	"encoding/xml.MarshalIndent":  0,
}

// responseWriterFuncs take the response writer as their first argument.
var responseWriterFuncs = map[string]bool{
	"fmt.Fprint": true, "fmt.Fprintln": true, "fmt.Fprintf": true, "io.WriteString": true,
}

// errorLiterals are error types whose Message field a framework's error
// handler writes with their Code: &echo.HTTPError{Code: 500, Message: ...}.
var errorLiterals = map[string]struct{ code, message string }{
	pkgEcho + ".HTTPError": {"Code", "Message"},
	pkgFiber + ".Error":    {"Code", "Message"},
	pkgFiber3 + ".Error":   {"Code", "Message"},
}

// statusSetters set the status a later write uses, by FuncKey; the
// status is their first argument.
var statusSetters = map[string]bool{
	pkgHTTP + ".ResponseWriter.WriteHeader": true,
	pkgFiber + ".Ctx.Status":                true,
	pkgFiber3 + ".Ctx.Status":               true,
	pkgGin + ".ResponseWriter.WriteHeader":  true,
	pkgGin + ".Context.Status":              true,
}

// encoders write their argument to the writer they were made with:
// json.NewEncoder(w).Encode(v).
var encoders = map[string]string{
	"encoding/json.Encoder.Encode": "encoding/json.NewEncoder",
	"encoding/xml.Encoder.Encode":  "encoding/xml.NewEncoder",
}

// wrapErrors build an error around the errors among their arguments:
// their text carries the wrapped error's text.
var wrapErrors = map[string]bool{
	"fmt.Errorf":                         true,
	"errors.Join":                        true,
	"github.com/pkg/errors.Wrap":         true,
	"github.com/pkg/errors.Wrapf":        true,
	"github.com/pkg/errors.WithMessage":  true,
	"github.com/pkg/errors.WithMessagef": true,
	"github.com/pkg/errors.WithStack":    true,
}
