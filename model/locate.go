package model

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
)

// Locate sets the Pos of each issue to where its path is in src, the JSON
// text the dossier was decoded from, and names file in it. An issue whose
// path does not exist in src (a missing field) gets the position of its
// nearest enclosing value.
func Locate(src []byte, file string, issues Issues) {
	if len(issues) == 0 {
		return
	}
	want := make(map[string]int64)
	for _, is := range issues {
		for p := is.Path; ; p = parentPath(p) {
			want[p] = -1
			if p == "" {
				break
			}
		}
	}
	walkPaths(src, func(path string, off int64) {
		if v, ok := want[path]; ok && v < 0 {
			want[path] = off
		}
	})
	for i := range issues {
		for p := issues[i].Path; ; p = parentPath(p) {
			if off := want[p]; off >= 0 {
				issues[i].Pos = position(src, off)
				break
			}
			if p == "" {
				break
			}
		}
		issues[i].Pos.File = file
	}
}

// locatePath returns the offset of the value at path in src.
func locatePath(src []byte, path string) (int64, bool) {
	found := int64(-1)
	walkPaths(src, func(p string, off int64) {
		if found < 0 && p == path {
			found = off
		}
	})
	return found, found >= 0
}

// parentPath strips the last element from a JSON path:
// "a[1].b" -> "a[1]" -> "a" -> "".
func parentPath(p string) string {
	i := strings.LastIndexAny(p, ".[")
	if i < 0 {
		return ""
	}
	return p[:i]
}

// walkPaths calls fn with the path and starting offset of every value in
// src, in document order. It stops quietly at the first syntax error.
func walkPaths(src []byte, fn func(path string, off int64)) {
	dec := json.NewDecoder(bytes.NewReader(src))
	next := func() int64 {
		off := dec.InputOffset()
		for off < int64(len(src)) {
			switch src[off] {
			case ' ', '\t', '\n', '\r', ':', ',':
				off++
			default:
				return off
			}
		}
		return off
	}
	var walk func(path string) bool
	walk = func(path string) bool {
		off := next()
		tok, err := dec.Token()
		if err != nil {
			return false
		}
		fn(path, off)
		switch tok {
		case json.Delim('{'):
			for dec.More() {
				k, err := dec.Token()
				if err != nil {
					return false
				}
				if !walk(join(path, k.(string))) {
					return false
				}
			}
			_, err = dec.Token()
			return err == nil
		case json.Delim('['):
			for i := 0; dec.More(); i++ {
				if !walk(path + "[" + strconv.Itoa(i) + "]") {
					return false
				}
			}
			_, err = dec.Token()
			return err == nil
		}
		return true
	}
	walk("")
}
