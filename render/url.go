package render

import (
	"net/url"
	"strings"
)

// URLs builds every link of a site from its base URL, so that a site
// served under a subpath (https://owner.github.io/repo/) works: pages,
// assets, feed entries and the 404 page all go through it.
type URLs struct {
	// Base is the site's root path, starting and ending with "/" ("/" or "/repo/").
	Base string
	// Origin is scheme and host ("https://owner.github.io"), "" when the
	// base URL has none.
	Origin string
}

// NewURLs parses a base URL ("https://owner.github.io/repo/", "/repo", "/" or "").
func NewURLs(baseURL string) (URLs, error) {
	u, err := url.Parse(strings.TrimSpace(baseURL))
	if err != nil {
		return URLs{}, err
	}
	p := "/" + strings.Trim(u.Path, "/") + "/"
	if p == "//" {
		p = "/"
	}
	var origin string
	if u.Scheme != "" && u.Host != "" {
		origin = u.Scheme + "://" + u.Host
	}
	return URLs{Base: p, Origin: origin}, nil
}

// Path returns the root-relative URL of a site path ("events/x/" →
// "/repo/events/x/"). Each path segment is escaped.
func (u URLs) Path(rel string) string {
	rel = strings.TrimPrefix(rel, "/")
	parts := strings.Split(rel, "/")
	for i, p := range parts {
		parts[i] = url.PathEscape(p)
	}
	return u.Base + strings.Join(parts, "/")
}

// Abs returns the absolute URL of a site path when the base URL has a
// host, else the root-relative one.
func (u URLs) Abs(rel string) string { return u.Origin + u.Path(rel) }
