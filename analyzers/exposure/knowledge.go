package exposure

// This file is the analyzer's knowledge of the web frameworks, the error
// libraries and the filesystem: data only.

import "github.com/apivet/apivet/passes/routes"

const (
	pkgHTTP  = "net/http"
	pkgGin   = "github.com/gin-gonic/gin"
	pkgEcho  = "github.com/labstack/echo/v4"
	pkgFiber = "github.com/gofiber/fiber/v2"
	// fiber v3's Ctx is an interface with the same method names.
	pkgFiber3 = "github.com/gofiber/fiber/v3"
)

// ownErrors build an error from the caller's own text: errors.New("name
// is required"), fmt.Errorf("id %d not found", id). Their error arguments
// (fmt.Errorf's %w) are followed.
var ownErrors = map[string]bool{
	"errors.New":                         true,
	"fmt.Errorf":                         true,
	"github.com/pkg/errors.New":          true,
	"github.com/pkg/errors.Errorf":       true,
	"github.com/pkg/errors.Wrap":         true,
	"github.com/pkg/errors.Wrapf":        true,
	"github.com/pkg/errors.WithStack":    true,
	"github.com/pkg/errors.WithMessage":  true,
	"github.com/pkg/errors.WithMessagef": true,
	"errors.Join":                        true,
}

// clientErrors are calls whose error describes the client's input, not
// the service's internals: parsing, decoding and validating the request.
var clientErrors = map[string]bool{
	"encoding/json.Unmarshal":      true,
	"encoding/xml.Unmarshal":       true,
	"net/url.Parse":                true,
	"net/url.ParseQuery":           true,
	"net/mail.ParseAddress":        true,
	"time.Parse":                   true,
	"time.ParseDuration":           true,
	"time.ParseInLocation":         true,
	"github.com/google/uuid.Parse": true,
	// "context canceled", "context deadline exceeded": the request's own fate.
	"context.Context.Err":               true,
	"github.com/google/uuid.ParseBytes": true,

	pkgHTTP + ".Request.ParseForm":          true,
	pkgHTTP + ".Request.ParseMultipartForm": true,
	pkgHTTP + ".Request.FormFile":           true,
	pkgHTTP + ".Request.MultipartReader":    true,
	pkgHTTP + ".Request.Cookie":             true,
	pkgGin + ".Context.FormFile":            true,
	pkgGin + ".Context.MultipartForm":       true,
	pkgGin + ".Context.GetRawData":          true,
	pkgGin + ".Context.Cookie":              true,
	pkgEcho + ".Context.FormFile":           true,
	pkgEcho + ".Context.MultipartForm":      true,
	pkgEcho + ".Context.Validate":           true,
	pkgEcho + ".Context.Cookie":             true,
	pkgFiber + ".Ctx.FormFile":              true,
	pkgFiber + ".Ctx.MultipartForm":         true,
	pkgFiber + ".Ctx.ParamsInt":             true,
	pkgFiber + ".Ctx.QueryInt":              true,
	pkgFiber3 + ".Ctx.FormFile":             true,
	pkgFiber3 + ".Ctx.MultipartForm":        true,

	"github.com/go-playground/validator/v10.Validate.Struct":    true,
	"github.com/go-playground/validator/v10.Validate.StructCtx": true,
	"github.com/go-playground/validator/v10.Validate.Var":       true,
	"github.com/go-playground/validator/v10.Validate.VarCtx":    true,
}

// clientErrorPkgs are packages whose every error describes a value the
// caller passed in (strconv.Atoi: parsing "x": invalid syntax).
var clientErrorPkgs = map[string]bool{
	"strconv": true,
}

// bodyReaders return an error about reading the request when they read
// its body: io.ReadAll(r.Body), io.ReadAll(http.MaxBytesReader(w, r.Body, n)).
var bodyReaders = map[string]bool{
	"io.ReadAll": true, "io/ioutil.ReadAll": true, "io.ReadFull": true, "io.Copy": true, "io.CopyN": true,
}

// responders are the values through which a handler answers; a call of
// an unknown package that is handed one, a 5xx status and error text
// writes the text (utils.RespondWithError(w, 500, err.Error())).
var responders = map[string]bool{
	pkgGin + ".Context":  true,
	pkgEcho + ".Context": true,
	pkgFiber + ".Ctx":    true,
	pkgFiber3 + ".Ctx":   true,
}

// knownPkgs are modelled packages: only the tables above say what their
// functions write.
var knownPkgs = map[string]bool{
	pkgGin: true, pkgEcho: true, pkgFiber: true, pkgFiber3: true,
}

// validateWords start the names of functions and methods that validate
// their input (req.Validate(), validateOrder(o)).
var validateWords = []string{"validate", "valid", "verify"}

// responseErrors are calls whose error comes from writing the response
// itself: the status is already sent, and the text names no internals.
// (A template's execution error is not one of them: it names templates,
// fields and values.)
var responseErrors = map[string]bool{
	"encoding/json.Encoder.Encode":    true,
	"encoding/xml.Encoder.Encode":     true,
	pkgHTTP + ".ResponseWriter.Write": true,
	"io.Copy":                         true,
}

// debugWords mark a condition that shows details only while debugging:
// if cfg.Debug, if gin.IsDebugging(), if env == "development".
var debugWords = map[string]bool{
	"debug": true, "debugging": true, "dev": true, "development": true, "verbose": true,
	"local": true, "isdebugging": true, "debugmode": true, "devmode": true, "expose": true,
}

// --- AV902 uploads ---

// fsSinks are filesystem calls and the indexes of their path arguments.
var fsSinks = map[string][]int{
	"os.Create":           {0},
	"os.OpenFile":         {0},
	"os.WriteFile":        {0},
	"os.Mkdir":            {0},
	"os.MkdirAll":         {0},
	"os.Rename":           {0, 1},
	"os.Remove":           {0},
	"os.RemoveAll":        {0},
	"os.Open":             {0},
	"os.ReadFile":         {0},
	"os.Symlink":          {0, 1},
	"os.Link":             {0, 1},
	"io/ioutil.WriteFile": {0},
	"io/ioutil.ReadFile":  {0},

	pkgGin + ".Context.SaveUploadedFile": {1},
	pkgFiber + ".Ctx.SaveFile":           {1},
	pkgFiber3 + ".Ctx.SaveFile":          {1},
}

// pathBuilders return a path that contains their string arguments.
var pathBuilders = map[string]bool{
	"path/filepath.Join":  true,
	"path/filepath.Clean": true,
	"path/filepath.Abs":   true,
	"path.Join":           true,
	"path.Clean":          true,
	"fmt.Sprintf":         true,
	"fmt.Sprint":          true,
	"strings.Join":        true,
	"strings.ToLower":     true,
	"strings.ToUpper":     true,
	"strings.TrimSpace":   true,
	"strings.Trim":        true,
	"strings.TrimPrefix":  true,
	"strings.TrimSuffix":  true,
	"strings.TrimLeft":    true,
	"strings.TrimRight":   true,
	"strings.Clone":       true,
}

// containmentChecks test a path or a name before it is used: a prefix
// check after Clean, filepath.Rel, filepath.IsLocal, a search for "..".
var containmentChecks = map[string]bool{
	"strings.HasPrefix":         true,
	"strings.Contains":          true,
	"strings.ContainsAny":       true,
	"strings.ContainsRune":      true,
	"strings.Index":             true,
	"strings.IndexAny":          true,
	"path/filepath.Rel":         true,
	"path/filepath.IsLocal":     true,
	"path/filepath.IsAbs":       true,
	"path/filepath.Match":       true,
	"path.Match":                true,
	"regexp.Regexp.MatchString": true,
	"regexp.MatchString":        true,
}

// generators make names no client chooses: a UUID, a random or sortable
// ID, a timestamp, a hash. A path that includes one (a prefix, a
// directory) cannot collide with another upload.
var generators = map[string]bool{
	"github.com/google/uuid":          true,
	"github.com/gofrs/uuid":           true,
	"github.com/gofrs/uuid/v5":        true,
	"github.com/satori/go.uuid":       true,
	"github.com/rs/xid":               true,
	"github.com/segmentio/ksuid":      true,
	"github.com/oklog/ulid":           true,
	"github.com/oklog/ulid/v2":        true,
	"github.com/matoous/go-nanoid/v2": true,
	"github.com/jaevor/go-nanoid":     true,
	"math/rand":                       true,
	"math/rand/v2":                    true,
	"crypto/rand":                     true,
	"crypto/sha256":                   true,
	"crypto/sha1":                     true,
	"crypto/md5":                      true,
	"encoding/hex":                    true,
}

// generatorFuncs are single functions that make such names.
var generatorFuncs = map[string]bool{
	"time.Now":          true,
	"os.CreateTemp":     true,
	"os.MkdirTemp":      true,
	"io/ioutil.TempDir": true,
}

// uploadNameFields and uploadNameMethods hold the client's file name.
var (
	uploadNameFields  = map[string]string{"mime/multipart.FileHeader": "Filename"}
	uploadNameMethods = map[string]bool{"mime/multipart.Part.FileName": true}
)

// --- AV903 CSRF ---

// stateChanging are the methods a cross-site form or fetch can send with
// the browser's cookies and that change state.
var stateChanging = map[string]bool{"POST": true, "PUT": true, "PATCH": true, "DELETE": true}

// sessionEntryWords name routes that create or end a session: no session
// authenticates them.
var sessionEntryWords = map[string]bool{
	"login": true, "logout": true, "signin": true, "signout": true, "signup": true, "logon": true, "logoff": true,
	"register": true, "registration": true,
}

// sessionEntryPairs are the same as two words.
var sessionEntryPairs = map[string]bool{
	"sign in": true, "sign out": true, "sign up": true, "log in": true, "log out": true,
}

// csrfFixes say how to add CSRF protection, per router library.
var csrfFixes = map[routes.Kind]string{
	routes.NetHTTP:    "wrap the mux in http.NewCrossOriginProtection().Handler or gorilla/csrf's csrf.Protect",
	routes.Mux:        "add gorilla/csrf's csrf.Protect to the router or wrap it in http.NewCrossOriginProtection().Handler",
	routes.Chi:        "wrap the router in http.NewCrossOriginProtection().Handler or use gorilla/csrf's csrf.Protect",
	routes.HTTPRouter: "wrap the router in http.NewCrossOriginProtection().Handler",
	routes.Gin:        "wrap the engine in http.NewCrossOriginProtection().Handler or add a CSRF middleware to the group",
	routes.Echo:       "add middleware.CSRF() to the server or the group",
}
