package timeline

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/BurntSushi/toml"
)

// Config is a site's config.toml.
type Config struct {
	// Title is the site's title.
	Title string `toml:"title"`
	// Description is one sentence on what the chronology covers.
	Description string `toml:"description"`
	// BaseURL is where the site is served, e.g. https://owner.github.io/repo/.
	// Its path is prefixed to every link.
	BaseURL string `toml:"baseURL"`
	// LanguageCode is the language of the site's text (default "en").
	LanguageCode string `toml:"languageCode"`
	// Theme names a folder under themes/ whose files override the embedded default theme.
	Theme string `toml:"theme"`
	// Markup configures how article bodies are rendered.
	Markup Markup `toml:"markup"`
	// Events are the journalist's corrections of the merged events
	// ([[event]] tables: rename, merge, split, hide, pin, add); see curation.go.
	Events []EventOverride `toml:"event"`
}

// Markup configures Markdown rendering.
type Markup struct {
	// Unsafe lets raw HTML in article bodies through to the pages. Off by default.
	Unsafe bool `toml:"unsafe"`
}

// DefaultConfig is the configuration a site without config.toml gets.
func DefaultConfig() Config {
	return Config{Title: "Timeline", BaseURL: "/", LanguageCode: "en"}
}

// LoadConfig reads config.toml from the site folder dir. A missing file
// gives the default configuration; a malformed one, or one with a key
// this version does not know, is a Problem naming file and line.
func LoadConfig(dir string) (Config, error) {
	cfg := DefaultConfig()
	const name = "config.toml"
	src, err := os.ReadFile(filepath.Join(dir, name))
	if errors.Is(err, os.ErrNotExist) {
		return cfg, nil
	}
	if err != nil {
		return cfg, Problem{File: name, Message: err.Error()}
	}
	if err := decodeTOML(name, string(src), 0, &cfg); err != nil {
		return cfg, err
	}
	if err := validateCuration(name, string(src), cfg.Events); err != nil {
		return cfg, err
	}
	if cfg.BaseURL == "" {
		cfg.BaseURL = "/"
	}
	if cfg.LanguageCode == "" {
		cfg.LanguageCode = "en"
	}
	return cfg, nil
}

// decodeTOML decodes src into v and turns decoding errors and unknown
// keys into Problems. lineOffset is added to every line number, for
// TOML that starts further down a file (front matter).
func decodeTOML(file, src string, lineOffset int, v any) error {
	md, err := toml.Decode(src, v)
	if err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			msg := perr.Message
			if msg == "" {
				msg = perr.Error()
			}
			return Problem{File: file, Line: perr.Position.Line + lineOffset, Col: perr.Position.Col,
				Message: firstLine(msg), Hint: firstLine(perr.Usage)}
		}
		return Problem{File: file, Line: lineOffset, Message: firstLine(err.Error())}
	}
	if undec := md.Undecoded(); len(undec) > 0 {
		key := undec[0]
		return Problem{File: file, Line: keyLine(src, key) + lineOffset,
			Message: fmt.Sprintf("unknown key %q", key.String()), Hint: "check its spelling against the README"}
	}
	return nil
}

// keyLine finds the 1-based line where the last part of key is set, or 0.
func keyLine(src string, key toml.Key) int {
	last := key[len(key)-1]
	for i, line := range strings.Split(src, "\n") {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, last) {
			rest := strings.TrimSpace(t[len(last):])
			if strings.HasPrefix(rest, "=") {
				return i + 1
			}
		}
		if strings.HasPrefix(t, "["+last) || strings.HasPrefix(t, "[["+last) {
			return i + 1
		}
	}
	return 0
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return strings.TrimSpace(s[:i])
	}
	return s
}
