package routes

// Header models: which security headers a configurable header middleware
// sends under a given configuration, read from the libraries' sources
// (unrolled/secure v1.17, gin-contrib/secure v1.1, echo v4 middleware.Secure,
// fiber v2 middleware/helmet).

// headerRule derives one header from one configuration field.
type headerRule struct {
	Header string
	Field  string
	// Type is "bool" (true sends Value), "string" (a non-empty value is
	// sent as is) or "int" (a non-zero value is sent through Format).
	Type   string
	Value  string
	Format string
	// Override names a string field that, when set, replaces this rule
	// (CustomFrameOptionsValue over FrameDeny).
	Override string
	// Disabled names a bool field that, when true, stops this header
	// (unrolled/secure's IsDevelopment stops only HSTS).
	Disabled string
	// ReportOnly names a bool field that, when true, sends the value
	// under a report-only header instead (CSPReportOnly).
	ReportOnly string
}

type headerModel struct {
	Rules []headerRule
	// Defaults are the field values of the library's default config, as
	// constant text ("true", "nosniff", "315360000").
	Defaults map[string]string
	// FillDefaults applies Defaults to empty fields of any configuration
	// (fiber's helmet does, others keep the zero values of a literal).
	FillDefaults bool
	// DisableAll names a bool field that turns every header off.
	DisableAll string
	// DefaultConstructors build the default configuration: a call or a
	// package variable, by key.
	DefaultConstructors []string
}

const (
	hHSTS = "Strict-Transport-Security"
	hXCTO = "X-Content-Type-Options"
	hXFO  = "X-Frame-Options"
	hCSP  = "Content-Security-Policy"
)

var headerModels = map[string]*headerModel{
	"unrolled": {
		Rules: []headerRule{
			{Header: hHSTS, Field: "STSSeconds", Type: "int", Format: "max-age=%d", Disabled: "IsDevelopment"},
			{Header: hXFO, Field: "CustomFrameOptionsValue", Type: "string"},
			{Header: hXFO, Field: "FrameDeny", Type: "bool", Value: "DENY", Override: "CustomFrameOptionsValue"},
			{Header: hXCTO, Field: "ContentTypeNosniff", Type: "bool", Value: "nosniff"},
			{Header: hCSP, Field: "ContentSecurityPolicy", Type: "string"},
		},
	},
	"gincontrib": {
		Rules: []headerRule{
			{Header: hHSTS, Field: "STSSeconds", Type: "int", Format: "max-age=%d"},
			{Header: hXFO, Field: "CustomFrameOptionsValue", Type: "string"},
			{Header: hXFO, Field: "FrameDeny", Type: "bool", Value: "DENY", Override: "CustomFrameOptionsValue"},
			{Header: hXCTO, Field: "ContentTypeNosniff", Type: "bool", Value: "nosniff"},
			{Header: hCSP, Field: "ContentSecurityPolicy", Type: "string"},
		},
		Defaults: map[string]string{
			"STSSeconds": "315360000", "FrameDeny": "true", "ContentTypeNosniff": "true",
			"ContentSecurityPolicy": "default-src 'self'",
		},
		DisableAll:          "IsDevelopment",
		DefaultConstructors: []string{pkgGinSecure + ".DefaultConfig"},
	},
	"echo": {
		Rules: []headerRule{
			{Header: hHSTS, Field: "HSTSMaxAge", Type: "int", Format: "max-age=%d"},
			{Header: hXFO, Field: "XFrameOptions", Type: "string"},
			{Header: hXCTO, Field: "ContentTypeNosniff", Type: "string"},
			{Header: hCSP, Field: "ContentSecurityPolicy", Type: "string", ReportOnly: "CSPReportOnly"},
		},
		Defaults:            map[string]string{"ContentTypeNosniff": "nosniff", "XFrameOptions": "SAMEORIGIN"},
		DefaultConstructors: []string{pkgEchoMW + ".DefaultSecureConfig"},
	},
	"helmet": {
		Rules: []headerRule{
			{Header: hHSTS, Field: "HSTSMaxAge", Type: "int", Format: "max-age=%d"},
			{Header: hXFO, Field: "XFrameOptions", Type: "string"},
			{Header: hXCTO, Field: "ContentTypeNosniff", Type: "string"},
			{Header: hCSP, Field: "ContentSecurityPolicy", Type: "string", ReportOnly: "CSPReportOnly"},
		},
		Defaults:            map[string]string{"ContentTypeNosniff": "nosniff", "XFrameOptions": "SAMEORIGIN"},
		FillDefaults:        true,
		DefaultConstructors: []string{pkgHelmet + ".ConfigDefault"},
	},
}

func init() {
	headerModels["echo-default"] = headerModels["echo"]
}

// ConfigTypes are the configuration structs of header middleware, for the
// checks that look at their values (weak CSP, short HSTS): TypeKey → the
// field holding the CSP, the field holding the HSTS max-age in seconds.
var ConfigTypes = map[string][2]string{
	pkgUnrolled + ".Options":    {"ContentSecurityPolicy", "STSSeconds"},
	pkgGinSecure + ".Config":    {"ContentSecurityPolicy", "STSSeconds"},
	pkgEchoMW + ".SecureConfig": {"ContentSecurityPolicy", "HSTSMaxAge"},
	pkgHelmet + ".Config":       {"ContentSecurityPolicy", "HSTSMaxAge"},
}
