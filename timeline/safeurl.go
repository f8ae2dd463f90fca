package timeline

import (
	"net/url"
	"strings"
)

// SafeURL returns u when it is an absolute http or https address with a
// host, with quotes and angle brackets percent-encoded, and "" for
// anything else: javascript:, vbscript:, data:, file: and every other
// scheme, relative references, and addresses containing control
// characters or white space inside them. Obfuscations such as
// "JaVaScRiPt:", "java\tscript:" or "&#106;avascript:" never pass,
// because only the two allowed schemes do.
//
// LoadSite applies it to every article's url, so every output format
// gets only safe links.
func SafeURL(u string) string {
	u = strings.TrimSpace(u)
	if u == "" || len(u) > maxURLLen {
		return ""
	}
	for _, r := range u {
		if r < 0x20 || r == 0x7f || r == ' ' || r == '\u00a0' || r == '\u2028' || r == '\u2029' || r == '\\' {
			return ""
		}
	}
	p, err := url.Parse(u)
	if err != nil || p.Opaque != "" || p.User != nil {
		return ""
	}
	switch strings.ToLower(p.Scheme) {
	case "http", "https":
	default:
		return ""
	}
	if p.Host == "" || strings.ContainsAny(p.Host, "<>\"'`") {
		return ""
	}
	// Keep the address as written (an internationalised host stays
	// readable), with the scheme lower-cased and the characters that
	// could end an attribute or element percent-encoded.
	// The length limit holds for the result too, so that SafeURL stays
	// idempotent: escaping can turn an address of 4,096 bytes or less
	// into a longer one, which a second call would refuse.
	safe := strings.ToLower(p.Scheme) + urlEscaper.Replace(u[len(p.Scheme):])
	if len(safe) > maxURLLen {
		return ""
	}
	return safe
}

// maxURLLen is the longest address SafeURL accepts or returns, in bytes.
const maxURLLen = 4096

var urlEscaper = strings.NewReplacer(`"`, "%22", "'", "%27", "<", "%3C", ">", "%3E", "`", "%60")
