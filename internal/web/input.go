// Package web is apivet's knowledge of Go web frameworks that is not about
// routing: where handlers read client-controlled input (net/http, gorilla/mux,
// chi, httprouter, gin, echo, fiber) and which calls decode a request body
// into a value. It is data plus two small matchers, shared by every family
// that needs to know "does this value come from the request?".
package web

import (
	"go/ast"
	"go/types"
	"strconv"

	"github.com/apivet/apivet/internal/typesx"
)

const (
	nethttp = "net/http"
	gin     = "github.com/gin-gonic/gin"
	echo4   = "github.com/labstack/echo/v4"
	fiber2  = "github.com/gofiber/fiber/v2"
	fiber3  = "github.com/gofiber/fiber/v3"
)

// inputMethods are methods whose result is client-controlled, by receiver
// type ("pkgpath.Type").
var inputMethods = map[string][]string{
	nethttp + ".Request": {"FormValue", "PostFormValue", "PathValue", "Cookie", "Cookies", "UserAgent", "Referer", "BasicAuth", "CookiesNamed"},
	nethttp + ".Header":  {"Get", "Values"},
	"net/url.Values":     {"Get"},
	"net/url.URL":        {"Query", "EscapedPath", "RawQuery"},
	gin + ".Context": {"Query", "DefaultQuery", "GetQuery", "QueryArray", "GetQueryArray", "QueryMap", "GetQueryMap",
		"PostForm", "DefaultPostForm", "GetPostForm", "PostFormArray", "GetPostFormArray", "PostFormMap", "GetPostFormMap",
		"Param", "GetHeader", "Cookie", "GetRawData", "FullPath"},
	gin + ".Params": {"ByName", "Get"},
	echo4 + ".Context": {"QueryParam", "QueryParams", "QueryString", "Param", "ParamValues", "FormValue", "FormParams",
		"Cookie", "Cookies"},
	fiber2 + ".Ctx": {"Query", "Queries", "Params", "AllParams", "FormValue", "Get", "GetReqHeaders", "Cookies",
		"Body", "BodyRaw", "OriginalURL", "Path", "ParamsInt", "QueryInt"},
	fiber3 + ".Ctx": {"Query", "Queries", "Params", "FormValue", "Get", "GetReqHeaders", "Cookies", "Body", "BodyRaw",
		"OriginalURL", "Path"},
	"github.com/julienschmidt/httprouter.Params": {"ByName"},
}

// inputFuncs are package functions whose result is client-controlled.
var inputFuncs = map[string]bool{
	"github.com/gorilla/mux.Vars":                           true,
	"github.com/go-chi/chi/v5.URLParam":                     true,
	"github.com/go-chi/chi/v5.URLParamFromCtx":              true,
	"github.com/go-chi/chi.URLParam":                        true,
	"github.com/julienschmidt/httprouter.ParamsFromContext": true,
}

// requestFields are fields of *http.Request that carry client input.
var requestFields = map[string]bool{
	"Header": true, "URL": true, "Form": true, "PostForm": true, "MultipartForm": true,
	"Body": true, "Host": true, "RequestURI": true, "Trailer": true,
}

// bindMethods decode the request into their first (pointer) argument.
var bindMethods = map[string][]string{
	gin + ".Context": {"Bind", "BindJSON", "BindQuery", "BindXML", "BindYAML", "BindUri", "BindHeader", "BindWith",
		"ShouldBind", "ShouldBindJSON", "ShouldBindQuery", "ShouldBindXML", "ShouldBindYAML", "ShouldBindUri",
		"ShouldBindHeader", "ShouldBindWith", "ShouldBindBodyWith", "ShouldBindBodyWithJSON", "MustBindWith"},
	echo4 + ".Context": {"Bind"},
	fiber2 + ".Ctx":    {"BodyParser", "QueryParser", "ParamsParser", "ReqHeaderParser", "CookieParser"},
}

func hasName(list []string, name string) bool {
	for _, n := range list {
		if n == name {
			return true
		}
	}
	return false
}

// RequestInput reports whether e reads client-controlled input directly (a
// call or selector on the request or a framework context), and returns a
// short description such as `c.Query("sort")`. It does not follow
// variables; callers do that with strval.Assignments.
func RequestInput(info *types.Info, e ast.Expr) (string, bool) {
	e = typesx.StripConversions(info, e)
	switch x := e.(type) {
	case *ast.CallExpr:
		fn := typesx.Callee(info, x)
		if fn != nil {
			if recv := typesx.Recv(fn); recv != nil {
				if hasName(inputMethods[typesx.TypeKey(recv)], fn.Name()) {
					// r.URL.Query().Get and r.Header.Get only count when they
					// hang off the request; a url.Values built by hand is not
					// input.
					if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok {
						switch typesx.TypeKey(recv) {
						case nethttp + ".Header", "net/url.Values", "net/url.URL":
							if !rootedAtRequest(info, sel.X) {
								return "", false
							}
						}
					}
					return describeCall(x), true
				}
			} else if inputFuncs[typesx.FuncKey(fn)] {
				return describeCall(x), true
			}
		}
	case *ast.IndexExpr:
		// mux.Vars(r)["id"], r.Form["x"], c.Request.URL.Query()["q"]
		if d, ok := RequestInput(info, x.X); ok {
			return d + "[...]", true
		}
	case *ast.SelectorExpr:
		// r.URL.Path, r.Header, c.Request.Body, cookie.Value of r.Cookie(...)
		if x.Sel.Name == "Value" {
			if call, ok := ast.Unparen(x.X).(*ast.CallExpr); ok {
				if d, ok := RequestInput(info, call); ok {
					return d + ".Value", true
				}
			}
		}
		if rootedAtRequest(info, x) && !isRequestItself(info, x) {
			return typesx.ExprName(x), true
		}
	}
	return "", false
}

// rootedAtRequest reports whether e is a selector chain through client
// input fields of an *http.Request: r.URL, r.Header, c.Request.URL.
func rootedAtRequest(info *types.Info, e ast.Expr) bool {
	for i := 0; i < 8; i++ {
		e = ast.Unparen(e)
		switch x := e.(type) {
		case *ast.SelectorExpr:
			if typesx.TypeIs(typesx.TypeOf(info, x.X), nethttp, "Request") {
				return requestFields[x.Sel.Name]
			}
			e = x.X
		case *ast.CallExpr:
			sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr)
			if !ok {
				return false
			}
			e = sel.X
		default:
			return false
		}
	}
	return false
}

func isRequestItself(info *types.Info, e ast.Expr) bool {
	return typesx.TypeIs(typesx.TypeOf(info, e), nethttp, "Request")
}

// describeCall renders c.Query("sort") with its first constant argument.
func describeCall(call *ast.CallExpr) string {
	name := typesx.ExprName(call.Fun)
	if len(call.Args) > 0 {
		if lit, ok := ast.Unparen(call.Args[0]).(*ast.BasicLit); ok && len(lit.Value) < 40 {
			if _, err := strconv.Unquote(lit.Value); err == nil {
				return name + "(" + lit.Value + ")"
			}
		}
	}
	return name + "(...)"
}

// BindTarget reports whether call decodes client input into one of its
// arguments and returns that argument (usually &req): gin's Bind and
// ShouldBind family, echo's Bind, fiber's BodyParser, and
// json.NewDecoder(<request body>).Decode / json.Unmarshal(<request data>).
func BindTarget(info *types.Info, call *ast.CallExpr) (ast.Expr, bool) {
	fn := typesx.Callee(info, call)
	if fn == nil || len(call.Args) == 0 {
		return nil, false
	}
	if recv := typesx.Recv(fn); recv != nil {
		key := typesx.TypeKey(recv)
		if hasName(bindMethods[key], fn.Name()) {
			if fn.Name() == "BindWith" || fn.Name() == "ShouldBindWith" || fn.Name() == "MustBindWith" || fn.Name() == "ShouldBindBodyWith" {
				return call.Args[0], true
			}
			return call.Args[0], true
		}
		// json.NewDecoder(r.Body).Decode(&v), xml too
		if (key == "encoding/json.Decoder" || key == "encoding/xml.Decoder") && fn.Name() == "Decode" {
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
				if inner, ok := ast.Unparen(sel.X).(*ast.CallExpr); ok && len(inner.Args) == 1 {
					if _, ok := RequestInput(info, inner.Args[0]); ok || isRequestBody(info, inner.Args[0]) {
						return call.Args[0], true
					}
				}
			}
		}
		return nil, false
	}
	if (typesx.FuncKey(fn) == "encoding/json.Unmarshal" || typesx.FuncKey(fn) == "encoding/xml.Unmarshal") && len(call.Args) == 2 {
		if _, ok := RequestInput(info, call.Args[0]); ok {
			return call.Args[1], true
		}
	}
	return nil, false
}

func isRequestBody(info *types.Info, e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "Body" && rootedAtRequest(info, sel)
}
