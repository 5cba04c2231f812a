package report

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// MaxFileName is the most bytes FileName returns: far below the 255 bytes
// most file systems allow in a name, so that a temporary name made from
// it (".NAME.123456789.tmp") fits too.
const MaxFileName = 120

// maxExt is the most bytes of an extension FileName keeps.
const maxExt = MaxFileName / 2

// FileStem returns s made safe as the stem of a file name on Linux,
// macOS and Windows, such as a dossier id made into the name of a
// briefing ("kz-2022-01" stays "kz-2022-01"): the stem holds no path
// separator and no "..", names no hidden file and no device, and is never
// empty.
//
//   - s is put in Unicode normal form C; letters, digits (of any script),
//     the combining marks that follow them, '-', '_' and '.' are kept;
//     every run of other characters ('/', '\\', ':', spaces, controls,
//     NUL, invalid UTF-8...), with the '-', '_' and '.' around it,
//     becomes one '-'.
//   - Repeated '-', '_' or '.' are collapsed, so ".." never appears;
//     leading '-', '_' and '.' are dropped, and so are trailing ones
//     from the first '.' or '-' on.
//   - An empty result becomes "dossier".
//   - A name Windows reserves for a device (CON, PRN, AUX, NUL, COM0 to
//     COM9, LPT0 to LPT9, in any case, alone or before a '.') gets a '_'
//     after it: "nul.txt" becomes "nul_.txt".
//   - The stem is at most MaxFileName bytes.
//
// Whenever the stem differs from s, '-' and the first 8 hexadecimal
// digits of the SHA-256 of s are added to it ("x/../../name" gives
// "x-name-88492aef"), so that two different strings never give the same
// stem, unless their hashes collide.
func FileStem(s string) string { return FileName(s, "") }

// FileName returns FileStem(s) followed by ext, the stem shortened so
// that the whole name is at most MaxFileName bytes; a shortened stem ends
// with the hash of s, as a changed one does. ext is the caller's
// extension, such as ".pdf" or ".fr-en.parallel.pdf", made safe as the
// stem is (all but ASCII letters, digits, '-', '_' and '.' count as other
// characters, but leading separators stay) and cut to MaxFileName/2
// bytes.
func FileName(s, ext string) string {
	ext = safeExt(ext)
	stem := sanitizeStem(s)
	budget := MaxFileName - len(ext)
	if stem == s && len(stem) <= budget {
		return stem + ext
	}
	const suffix = 1 + 8 // "-" and 8 hex digits
	stem = strings.TrimRight(cutBytes(stem, budget-suffix), ".-")
	if stem == "" {
		stem = "dossier"
	}
	sum := sha256.Sum256([]byte(s))
	return stem + "-" + hex.EncodeToString(sum[:4]) + ext
}

// sanitizeStem applies FileStem's character rules to s, without the
// length limit and the hash.
func sanitizeStem(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	var run []rune // the separators ('-', '_', '.') since the last letter or digit
	bad := false   // the run holds another character
	word := false  // the last rune written is a letter, digit or mark
	flush := func() {
		switch {
		case b.Len() == 0:
			// leading separators are dropped
		case bad:
			b.WriteByte('-')
		default:
			for i, r := range run {
				if i == 0 || r != run[i-1] {
					b.WriteRune(r)
				}
			}
		}
		run, bad = run[:0], false
	}
	for _, r := range norm.NFC.String(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || word && unicode.IsMark(r):
			if len(run) > 0 || bad {
				flush()
			}
			b.WriteRune(r)
			word = true
		case r == '-' || r == '_' || r == '.':
			run = append(run, r)
			word = false
		default:
			bad, word = true, false
		}
	}
	if b.Len() > 0 && !bad {
		// a trailing '_' stays, a trailing '.' or '-' goes
		run = trimTrailing(run)
		flush()
	}
	out := b.String()
	if out == "" {
		return "dossier"
	}
	if first, rest, dot := strings.Cut(out, "."); reservedOnWindows(first) {
		if dot {
			return first + "_." + rest
		}
		return first + "_"
	}
	return out
}

// trimTrailing returns the separators that end a stem without the
// first '.' or '-' and what follows it.
func trimTrailing(run []rune) []rune {
	for i, r := range run {
		if r == '.' || r == '-' {
			return run[:i]
		}
	}
	return run
}

// reservedOnWindows reports whether name is a device name of Windows,
// which no file may have, whatever its extension.
func reservedOnWindows(name string) bool {
	switch strings.ToUpper(name) {
	case "CON", "PRN", "AUX", "NUL":
		return true
	}
	if len(name) == 4 && name[3] >= '0' && name[3] <= '9' {
		switch strings.ToUpper(name[:3]) {
		case "COM", "LPT":
			return true
		}
	}
	return false
}

// cutBytes returns the longest prefix of s of at most n bytes that ends
// before a letter or digit, so that no character and no letter with its
// combining marks is cut in two.
func cutBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	for n > 0 {
		r, _ := utf8.DecodeRuneInString(s[n:])
		if !unicode.IsMark(r) {
			break
		}
		for n--; n > 0 && !utf8.RuneStart(s[n]); n-- {
		}
	}
	return s[:n]
}

// safeExt returns ext with FileStem's rules for runs of separators and
// other characters, all but ASCII letters and digits being other
// characters, cut to maxExt bytes, with no trailing '.'.
func safeExt(ext string) string {
	var b strings.Builder
	var run []byte // the separators since the last letter or digit
	bad := false   // the run holds another character
	flush := func() {
		if bad {
			b.WriteByte('-')
		} else {
			for i, c := range run {
				if i == 0 || c != run[i-1] {
					b.WriteByte(c)
				}
			}
		}
		run, bad = run[:0], false
	}
	for _, r := range ext {
		switch {
		case 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9':
			flush()
			b.WriteRune(r)
		case r == '-' || r == '_' || r == '.':
			run = append(run, byte(r))
		default:
			bad = true
		}
	}
	flush()
	out := b.String()
	return strings.TrimRight(out[:min(len(out), maxExt)], ".")
}
