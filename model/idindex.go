package model

import "hash/maphash"

// idIndex maps ids to their numbers, exactly, in far less memory than a
// map of strings: the ids are copied end to end into one arena, and an
// open-addressing table of 32-bit numbers finds them by hash. Validate
// indexes a dossier's figures with it: for a million figures, about 24 MB
// where a map[FigureID]int took some 75 MB with the strings it kept.
type idIndex struct {
	arena []byte   // every id, end to end
	ends  []uint32 // ends[i] is where id i ends in arena
	vals  []int32  // vals[i] is the value of id i
	slots []int32  // 1 + the number of an id, or 0 for an empty slot
	seed  maphash.Seed
}

func newIDIndex(n int) *idIndex {
	size := 16
	for size < 2*n {
		size *= 2
	}
	return &idIndex{slots: make([]int32, size), ends: make([]uint32, 0, n), vals: make([]int32, 0, n), seed: maphash.MakeSeed()}
}

func (x *idIndex) id(i int) string {
	start := uint32(0)
	if i > 0 {
		start = x.ends[i-1]
	}
	return string(x.arena[start:x.ends[i]])
}

func (x *idIndex) equal(i int, id string) bool {
	start := uint32(0)
	if i > 0 {
		start = x.ends[i-1]
	}
	return string(x.arena[start:x.ends[i]]) == id
}

// find returns the slot of id: where it is, or the empty slot it would go
// in, and its number, or -1.
func (x *idIndex) find(id string) (slot int, n int) {
	mask := len(x.slots) - 1
	slot = int(maphash.String(x.seed, id)) & mask
	for {
		k := x.slots[slot]
		if k == 0 {
			return slot, -1
		}
		if x.equal(int(k-1), id) {
			return slot, int(k - 1)
		}
		slot = (slot + 1) & mask
	}
}

// add gives id the value val, unless it has one already: then it
// returns that value and true. An id too long for the arena's 32-bit
// offsets is not added.
func (x *idIndex) add(id string, val int) (int, bool) {
	slot, n := x.find(id)
	if n >= 0 {
		return int(x.vals[n]), true
	}
	if uint64(len(x.arena))+uint64(len(id)) > 1<<32-1 {
		return -1, false
	}
	n = len(x.ends)
	x.arena = append(x.arena, id...)
	x.ends = append(x.ends, uint32(len(x.arena)))
	x.vals = append(x.vals, int32(val))
	x.slots[slot] = int32(n + 1)
	if 2*len(x.ends) > len(x.slots) {
		x.grow()
	}
	return val, false
}

// lookup returns the value of id, and whether it has one.
func (x *idIndex) lookup(id string) (int, bool) {
	if x == nil {
		return 0, false
	}
	_, n := x.find(id)
	if n < 0 {
		return 0, false
	}
	return int(x.vals[n]), true
}

func (x *idIndex) grow() {
	old := x.slots
	x.slots = make([]int32, 2*len(old))
	mask := len(x.slots) - 1
	for _, k := range old {
		if k == 0 {
			continue
		}
		slot := int(maphash.String(x.seed, x.id(int(k-1)))) & mask
		for x.slots[slot] != 0 {
			slot = (slot + 1) & mask
		}
		x.slots[slot] = k
	}
}
