package render

import "testing"

func TestURLs(t *testing.T) {
	for _, tc := range []struct{ base, rel, path, abs string }{
		{"", "", "/", "/"},
		{"/", "events/a/", "/events/a/", "/events/a/"},
		{"/sub/path", "style.css", "/sub/path/style.css", "/sub/path/style.css"},
		{"https://owner.github.io/repo/", "events/a b/", "/repo/events/a%20b/", "https://owner.github.io/repo/events/a%20b/"},
		{"https://example.org", "/index.xml", "/index.xml", "https://example.org/index.xml"},
	} {
		u, err := NewURLs(tc.base)
		if err != nil {
			t.Fatal(err)
		}
		if got := u.Path(tc.rel); got != tc.path {
			t.Errorf("NewURLs(%q).Path(%q) = %q, want %q", tc.base, tc.rel, got, tc.path)
		}
		if got := u.Abs(tc.rel); got != tc.abs {
			t.Errorf("NewURLs(%q).Abs(%q) = %q, want %q", tc.base, tc.rel, got, tc.abs)
		}
	}
}
