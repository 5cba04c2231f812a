package model

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// Locate sets the Pos of each issue to where its path is in src, the JSON
// text the dossier was decoded from, and names file in it. An issue whose
// path does not exist in src (a missing field) gets the position of its
// nearest enclosing value.
func Locate(src []byte, file string, issues Issues) {
	locate(bytes.NewReader(src), file, issues)
}

// LocateFile is Locate for the dossier in the named file, read as a
// stream: for issues found after loading, such as a renderer's checks.
func LocateFile(name string, issues Issues) error {
	if len(issues) == 0 {
		return nil
	}
	f, err := os.Open(name)
	if err != nil {
		return fmt.Errorf("model: %w", err)
	}
	defer f.Close()
	locate(f, name, issues)
	return nil
}

// locate is Locate reading the JSON text from r, as a stream. It walks
// only the values on the way to an issue's path and skips the rest.
func locate(r io.Reader, file string, issues Issues) {
	if len(issues) == 0 {
		return
	}
	// want holds every path of an issue and all their ancestors; a value
	// whose path is not there holds nothing of interest.
	want := make(map[string]*mark)
	for _, is := range issues {
		for p := is.Path; ; p = parentPath(p) {
			if _, ok := want[p]; ok {
				break
			}
			want[p] = nil
			if p == "" {
				break
			}
		}
	}
	s := newScanner(r, maxInputSize)
	var walk func(path string) bool
	walk = func(path string) bool {
		k, at, err := s.begin()
		if err != nil {
			return false
		}
		if _, ok := want[path]; !ok {
			return s.skip(k, at) == nil
		}
		m := at
		want[path] = &m
		switch k {
		case tokObject, tokArray:
			if s.open(at) != nil {
				return false
			}
			for i := 0; ; i++ {
				more, err := s.more(i == 0, k == tokObject)
				if err != nil {
					return false
				}
				if !more {
					return true
				}
				var p string
				if k == tokObject {
					key, _, err := s.key()
					if err != nil {
						return false
					}
					p = string(key)
					if path != "" {
						p = path + "." + p
					}
				} else {
					p = path + "[" + strconv.Itoa(i) + "]"
				}
				if !walk(p) {
					return false
				}
			}
		}
		return s.skip(k, at) == nil
	}
	walk("")
	for i := range issues {
		for p := issues[i].Path; ; p = parentPath(p) {
			if m := want[p]; m != nil {
				issues[i].Pos = m.pos()
				break
			}
			if p == "" {
				break
			}
		}
		issues[i].Pos.File = file
	}
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
