package html

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// Everything the page shows of a dossier goes through text or attr:
// the characters HTML gives a meaning (& < > " ') are written as
// references, so that a text holding "<script>" or a quotation mark shows
// it and does nothing else.

// text writes s as the content of an element: escaped, its line breaks
// (a newline, CR LF, CR, U+2028, U+2029) as <br>, a tab as a space, the
// characters HTML forbids (controls, noncharacters) left out, and its
// bidirectional embeddings, overrides and isolates closed at its end (see
// balance), so that an unclosed U+202E reverses nothing after the text.
func (b *builder) text(s string) {
	b.out.WriteString(escape(s, true))
}

// attr returns s escaped for an attribute value in double quotes, on one
// line.
func attr(s string) string { return escape(s, false) }

func escape(s string, breaks bool) string {
	if s == "" {
		return ""
	}
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == '&' || c == '<' || c == '>' || c == '"' || c == '\'' || c >= 0x80 {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var sb strings.Builder
	sb.Grow(len(s) + 16)
	var open []rune // the embeddings and isolates not yet closed
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '&':
			sb.WriteString("&amp;")
		case r == '<':
			sb.WriteString("&lt;")
		case r == '>':
			sb.WriteString("&gt;")
		case r == '"':
			sb.WriteString("&#34;")
		case r == '\'':
			sb.WriteString("&#39;")
		case r == '\r' || r == '\n' || r == '\u2028' || r == '\u2029':
			if r == '\r' && i < len(s) && s[i] == '\n' {
				i++
			}
			closeAll(&sb, &open)
			if breaks {
				sb.WriteString("<br>")
			} else {
				sb.WriteByte(' ')
			}
		case r == '\t':
			sb.WriteByte(' ')
		case r == utf8.RuneError && size == 1, forbidden(r):
			// left out: HTML has no place for it
		case r == '\u202a' || r == '\u202b' || r == '\u202d' || r == '\u202e' || r == '\u2066' || r == '\u2067' || r == '\u2068':
			open = append(open, r)
			sb.WriteRune(r)
		case r == '\u202c': // POP DIRECTIONAL FORMATTING closes the last embedding, if it is one
			if n := len(open); n > 0 && !isIsolate(open[n-1]) {
				open = open[:n-1]
				sb.WriteRune(r)
			}
		case r == '\u2069': // POP DIRECTIONAL ISOLATE closes the last isolate and what it holds
			if k := lastIsolate(open); k >= 0 {
				for len(open) > k+1 {
					sb.WriteRune('\u202c')
					open = open[:len(open)-1]
				}
				open = open[:k]
				sb.WriteRune(r)
			}
		default:
			sb.WriteRune(r)
		}
	}
	closeAll(&sb, &open)
	return sb.String()
}

func isIsolate(r rune) bool { return r == '\u2066' || r == '\u2067' || r == '\u2068' }

func lastIsolate(open []rune) int {
	for k := len(open) - 1; k >= 0; k-- {
		if isIsolate(open[k]) {
			return k
		}
	}
	return -1
}

// closeAll closes the open embeddings and isolates, innermost first.
func closeAll(sb *strings.Builder, open *[]rune) {
	for k := len(*open) - 1; k >= 0; k-- {
		if isIsolate((*open)[k]) {
			sb.WriteRune('\u2069')
		} else {
			sb.WriteRune('\u202c')
		}
	}
	*open = (*open)[:0]
}

// forbidden reports whether r may not appear in an HTML document's text:
// a control other than white space, or a noncharacter.
func forbidden(r rune) bool {
	switch {
	case r < 0x20:
		return r != '\t' && r != '\n' && r != '\r' && r != '\f'
	case r >= 0x7f && r <= 0x9f:
		return true
	case r >= 0xfdd0 && r <= 0xfdef, r&0xfffe == 0xfffe:
		return true
	}
	return false
}

// rtl reports whether s holds a letter of a script written right to
// left.
func rtl(s string) bool {
	for _, r := range s {
		if r >= 0x0590 && (unicode.In(r, unicode.Hebrew, unicode.Arabic, unicode.Syriac, unicode.Thaana, unicode.Nko, unicode.Samaritan, unicode.Mandaic, unicode.Adlam, unicode.Hanifi_Rohingya) || r >= 0xfb1d && r <= 0xfdff || r >= 0xfe70 && r <= 0xfefc) {
			if unicode.IsLetter(r) {
				return true
			}
		}
	}
	return false
}

// rtlScripts are the scripts written right to left.
var rtlScripts = map[string]bool{"Arab": true, "Hebr": true, "Syrc": true, "Thaa": true, "Nkoo": true, "Adlm": true, "Rohg": true, "Samr": true, "Mand": true}

// dirOf returns "rtl" for a language written right to left, "ltr" for
// one written left to right, and "" when it is not known.
func dirOf(tag language.Tag) string {
	if tag == language.Und {
		return ""
	}
	s, conf := tag.Script()
	if conf == language.No {
		return ""
	}
	if rtlScripts[s.String()] {
		return "rtl"
	}
	return "ltr"
}

// safeLink returns the link of a source when it is one a reader may
// follow (http, https), or "".
func safeLink(link string) string {
	u, err := url.Parse(link)
	if err != nil || u.Host == "" {
		return ""
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		return link
	}
	return ""
}
