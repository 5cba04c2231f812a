package pdf

import (
	"bytes"
	"errors"
	"strconv"
	"unicode/utf16"
)

// The few PDF objects finish reads from fpdf's output and writes again:
// dictionaries (keys kept in order), arrays, names, strings, references,
// and numbers, booleans and null kept as written.
type (
	pdict struct {
		keys []string
		vals map[string]any
	}
	parray  []any
	pname   string
	pstring []byte
	pref    int
	praw    string
)

func (d *pdict) get(k string) any { return d.vals[k] }

func (d *pdict) set(k string, v any) {
	if _, ok := d.vals[k]; !ok {
		d.keys = append(d.keys, k)
	}
	d.vals[k] = v
}

var errSyntax = errors.New("unexpected PDF syntax")

// objParser reads one object from src at pos.
type objParser struct {
	src []byte
	pos int
}

func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}
func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func (p *objParser) skip() {
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		if isSpace(c) {
			p.pos++
		} else if c == '%' {
			for p.pos < len(p.src) && p.src[p.pos] != '\n' {
				p.pos++
			}
		} else {
			return
		}
	}
}

func (p *objParser) token() string {
	start := p.pos
	for p.pos < len(p.src) && !isSpace(p.src[p.pos]) && !isDelim(p.src[p.pos]) {
		p.pos++
	}
	return string(p.src[start:p.pos])
}

func (p *objParser) value() (any, error) {
	p.skip()
	if p.pos >= len(p.src) {
		return nil, errSyntax
	}
	switch c := p.src[p.pos]; {
	case c == '/':
		p.pos++
		return pname(p.token()), nil
	case c == '(':
		return p.literal()
	case c == '<' && p.pos+1 < len(p.src) && p.src[p.pos+1] == '<':
		p.pos += 2
		d := &pdict{vals: map[string]any{}}
		for {
			p.skip()
			if p.pos+1 < len(p.src) && p.src[p.pos] == '>' && p.src[p.pos+1] == '>' {
				p.pos += 2
				return d, nil
			}
			k, err := p.value()
			if err != nil {
				return nil, err
			}
			name, ok := k.(pname)
			if !ok {
				return nil, errSyntax
			}
			v, err := p.value()
			if err != nil {
				return nil, err
			}
			d.set(string(name), v)
		}
	case c == '<':
		end := bytes.IndexByte(p.src[p.pos:], '>')
		if end < 0 {
			return nil, errSyntax
		}
		hex := p.src[p.pos+1 : p.pos+end]
		p.pos += end + 1
		var out []byte
		for i := 0; i+1 < len(hex); i += 2 {
			v, err := strconv.ParseUint(string(hex[i:i+2]), 16, 8)
			if err != nil {
				return nil, errSyntax
			}
			out = append(out, byte(v))
		}
		return pstring(out), nil
	case c == '[':
		p.pos++
		var a parray
		for {
			p.skip()
			if p.pos < len(p.src) && p.src[p.pos] == ']' {
				p.pos++
				return a, nil
			}
			v, err := p.value()
			if err != nil {
				return nil, err
			}
			a = append(a, v)
		}
	default:
		t := p.token()
		if t == "" {
			return nil, errSyntax
		}
		// a reference: two integers and R
		if n, err := strconv.Atoi(t); err == nil {
			save := p.pos
			p.skip()
			if g := p.token(); g != "" {
				if _, err := strconv.Atoi(g); err == nil {
					p.skip()
					if p.pos < len(p.src) && p.src[p.pos] == 'R' {
						p.pos++
						return pref(n), nil
					}
				}
			}
			p.pos = save
		}
		return praw(t), nil
	}
}

func (p *objParser) literal() (any, error) {
	p.pos++ // (
	var out []byte
	depth := 0
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		p.pos++
		switch c {
		case '\\':
			if p.pos >= len(p.src) {
				return nil, errSyntax
			}
			e := p.src[p.pos]
			p.pos++
			switch e {
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case '\n':
			case '0', '1', '2', '3', '4', '5', '6', '7':
				v := int(e - '0')
				for k := 0; k < 2 && p.pos < len(p.src) && p.src[p.pos] >= '0' && p.src[p.pos] <= '7'; k++ {
					v = v*8 + int(p.src[p.pos]-'0')
					p.pos++
				}
				out = append(out, byte(v))
			default:
				out = append(out, e)
			}
		case '(':
			depth++
			out = append(out, c)
		case ')':
			if depth == 0 {
				return pstring(out), nil
			}
			depth--
			out = append(out, c)
		default:
			out = append(out, c)
		}
	}
	return nil, errSyntax
}

// writeObj appends the PDF syntax of v to b.
func writeObj(b []byte, v any) []byte {
	switch v := v.(type) {
	case *pdict:
		b = append(b, "<<"...)
		for _, k := range v.keys {
			b = append(b, '/')
			b = append(b, k...)
			b = append(b, ' ')
			b = writeObj(b, v.vals[k])
			b = append(b, ' ')
		}
		return append(b, ">>"...)
	case parray:
		b = append(b, '[')
		for i, x := range v {
			if i > 0 {
				b = append(b, ' ')
			}
			b = writeObj(b, x)
		}
		return append(b, ']')
	case pname:
		return append(append(b, '/'), v...)
	case pstring:
		return appendLiteral(b, v)
	case pref:
		return append(strconv.AppendInt(b, int64(v), 10), " 0 R"...)
	case praw:
		return append(b, v...)
	case string: // a text string
		return writeObj(b, textString(v))
	case int:
		return strconv.AppendInt(b, int64(v), 10)
	}
	panic("pdf: writing an unknown object")
}

// appendLiteral appends s as a literal string: its bytes as they are,
// but for the backslash, the parentheses and the carriage return (which
// a reader would take for an end of line), escaped.
func appendLiteral(b []byte, s []byte) []byte {
	b = append(b, '(')
	for _, c := range s {
		switch c {
		case '\\', '(', ')':
			b = append(b, '\\', c)
		case '\r':
			b = append(b, '\\', 'r')
		default:
			b = append(b, c)
		}
	}
	return append(b, ')')
}

// textString encodes a text string: as it is when it is ASCII, in UTF-16BE
// with a byte order mark otherwise.
func textString(s string) pstring {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return pstring(s)
	}
	out := []byte{0xFE, 0xFF}
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u>>8), byte(u))
	}
	return pstring(out)
}

// decodeText decodes a text string, UTF-16BE with a byte order mark or
// PDFDocEncoding (read as Latin-1).
func decodeText(s pstring) string {
	if len(s) >= 2 && s[0] == 0xFE && s[1] == 0xFF {
		u := make([]uint16, 0, len(s)/2)
		for i := 2; i+1 < len(s); i += 2 {
			u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
		}
		return string(utf16.Decode(u))
	}
	r := make([]rune, len(s))
	for i, c := range s {
		r[i] = rune(c)
	}
	return string(r)
}

// skipValue moves past one value without making it.
func (p *objParser) skipValue() error {
	p.skip()
	if p.pos >= len(p.src) {
		return errSyntax
	}
	switch c := p.src[p.pos]; {
	case c == '/':
		p.pos++
		p.skipToken()
	case c == '(':
		p.pos++
		depth := 0
		for {
			if p.pos >= len(p.src) {
				return errSyntax
			}
			c := p.src[p.pos]
			p.pos++
			switch c {
			case '\\':
				p.pos++
			case '(':
				depth++
			case ')':
				if depth == 0 {
					return nil
				}
				depth--
			}
		}
	case c == '<' && p.pos+1 < len(p.src) && p.src[p.pos+1] == '<':
		p.pos += 2
		for {
			p.skip()
			if p.pos+1 < len(p.src) && p.src[p.pos] == '>' && p.src[p.pos+1] == '>' {
				p.pos += 2
				return nil
			}
			if p.pos >= len(p.src) || p.src[p.pos] != '/' {
				return errSyntax
			}
			if err := p.skipValue(); err != nil {
				return err
			}
			if err := p.skipValue(); err != nil {
				return err
			}
		}
	case c == '<':
		end := bytes.IndexByte(p.src[p.pos:], '>')
		if end < 0 {
			return errSyntax
		}
		p.pos += end + 1
	case c == '[':
		p.pos++
		for {
			p.skip()
			if p.pos < len(p.src) && p.src[p.pos] == ']' {
				p.pos++
				return nil
			}
			if err := p.skipValue(); err != nil {
				return err
			}
		}
	default:
		start := p.pos
		p.skipToken()
		if p.pos == start {
			return errSyntax
		}
		if isUint(p.src[start:p.pos]) { // perhaps a reference: two integers and R
			save := p.pos
			p.skip()
			g := p.pos
			p.skipToken()
			if p.pos > g && isUint(p.src[g:p.pos]) {
				p.skip()
				if p.pos < len(p.src) && p.src[p.pos] == 'R' {
					p.pos++
					return nil
				}
			}
			p.pos = save
		}
	}
	return nil
}

func (p *objParser) skipToken() {
	for p.pos < len(p.src) && !isSpace(p.src[p.pos]) && !isDelim(p.src[p.pos]) {
		p.pos++
	}
}

func isUint(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(b) > 0
}

// rawEntry is a dictionary's entry with its value as written.
type rawEntry struct {
	key string
	val []byte
}

// rawDict reads the dictionary at p.pos as its keys and their values'
// bytes, without making the values.
func (p *objParser) rawDict() ([]rawEntry, error) {
	p.skip()
	if !bytes.HasPrefix(p.src[p.pos:], []byte("<<")) {
		return nil, errSyntax
	}
	p.pos += 2
	var out []rawEntry
	for {
		p.skip()
		if p.pos+1 < len(p.src) && p.src[p.pos] == '>' && p.src[p.pos+1] == '>' {
			p.pos += 2
			return out, nil
		}
		if p.pos >= len(p.src) || p.src[p.pos] != '/' {
			return nil, errSyntax
		}
		p.pos++
		k := p.pos
		p.skipToken()
		key := string(p.src[k:p.pos])
		p.skip()
		v := p.pos
		if err := p.skipValue(); err != nil {
			return nil, err
		}
		out = append(out, rawEntry{key, p.src[v:p.pos]})
	}
}

// rawArray reads the array at p.pos as its elements' bytes.
func (p *objParser) rawArray() ([][]byte, error) {
	p.skip()
	if p.pos >= len(p.src) || p.src[p.pos] != '[' {
		return nil, errSyntax
	}
	p.pos++
	var out [][]byte
	for {
		p.skip()
		if p.pos < len(p.src) && p.src[p.pos] == ']' {
			p.pos++
			return out, nil
		}
		v := p.pos
		if err := p.skipValue(); err != nil {
			return nil, err
		}
		out = append(out, p.src[v:p.pos])
	}
}
