package model

import (
	"fmt"
	"strconv"
	"strings"
)

// history checks the dossier's versions: each names a version and a
// date, versions and dates go forward, none is dated after the dossier's
// last update, and the last is the method note's version when both are
// given.
func (v *validator) history() {
	h := v.d.History
	if !v.count("history", len(h), MaxVersions, "versions") {
		return
	}
	for i := range h {
		path := fmt.Sprintf("history[%d]", i)
		e := &h[i]
		if e.Version == "" {
			v.missing(path+".version", "version")
		}
		v.str(path+".version", e.Version, MaxTitleRunes)
		v.text(path+".note", e.Note, false, MaxTextRunes)
		if e.Date.IsZero() {
			v.missing(path+".date", "date")
		} else if v.date(path+".date", e.Date) && e.Date.After(v.limit()) {
			v.errorf(path+".date", ErrDateRange, "%s dated %s, after the dossier's last update (%s)", versionName(e.Version), e.Date, v.limit())
		}
		if i == 0 {
			continue
		}
		p := &h[i-1]
		if e.Version != "" && p.Version != "" && CompareVersions(p.Version, e.Version) >= 0 {
			v.errorf(path+".version", ErrInvalidValue, "version %s does not come after version %s (history[%d]): list versions oldest first", e.Version, p.Version, i-1)
		}
		if !e.Date.IsZero() && e.Date.Before(p.Date) {
			v.errorf(path+".date", ErrDateRange, "%s dated %s, before %s (%s, history[%d])", versionName(e.Version), e.Date, versionName(p.Version), p.Date, i-1)
		}
	}
	if n := len(h); n > 0 && v.d.Method.Version != "" && h[n-1].Version != "" && h[n-1].Version != v.d.Method.Version {
		v.errorf(fmt.Sprintf("history[%d].version", n-1), ErrInvalidValue, "the last version is %s, but method.version is %s", h[n-1].Version, v.d.Method.Version)
	}
}

// CompareVersions compares two version strings such as "1.2" and "1.10"
// part by part, numerically where both parts are numbers and as text
// otherwise: -1 when a comes before b, +1 after, 0 when they are equal.
func CompareVersions(a, b string) int {
	pa, pb := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(pa) || i < len(pb); i++ {
		if i >= len(pa) {
			return -1
		}
		if i >= len(pb) {
			return 1
		}
		x, errx := strconv.ParseUint(pa[i], 10, 64)
		y, erry := strconv.ParseUint(pb[i], 10, 64)
		var c int
		if errx == nil && erry == nil {
			c = cmpUint(x, y)
		} else {
			c = strings.Compare(pa[i], pb[i])
		}
		if c != 0 {
			return c
		}
	}
	return 0
}

func cmpUint(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// VersionAt returns the version of the history named version, and
// whether there is one.
func (d *Dossier) VersionAt(version string) (Version, bool) {
	if d == nil {
		return Version{}, false
	}
	for _, e := range d.History {
		if e.Version == version {
			return e, true
		}
	}
	return Version{}, false
}

func versionName(v string) string {
	if v == "" {
		return "a version with no name"
	}
	return "version " + v
}
