package synth

import "math/rand/v2"

// Stream tags. Every element is drawn from its own stream, named by a tag
// and an index, so that any element can be generated alone and in any
// order: the streaming writer and Dossier produce the same elements.
const (
	tagFront uint64 = iota + 1
	tagCalendar
	tagCountry
	tagPlace
	tagSource
	tagSourceText
	tagSourceDate
	tagSourceBlock
	tagFigures
	tagEntry
	tagSection
)

// mix is the SplitMix64 finaliser: it spreads nearby inputs far apart.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

func stream(tag uint64, i int) uint64 { return mix(tag<<40 ^ uint64(i)) }

// rng is a random source with the few draws the generator needs.
type rng struct{ r *rand.Rand }

func newRNG(seed, tag uint64, i int) rng {
	return rng{rand.New(rand.NewPCG(seed, stream(tag, i)))}
}

// intn returns a number in [0, n).
func (g rng) intn(n int) int { return g.r.IntN(n) }

// between returns a number in [lo, hi].
func (g rng) between(lo, hi int) int { return lo + g.r.IntN(hi-lo+1) }

// chance reports true with probability p.
func (g rng) chance(p float64) bool { return g.r.Float64() < p }

// float returns a number in [lo, hi).
func (g rng) float(lo, hi float64) float64 { return lo + g.r.Float64()*(hi-lo) }

// weighted returns i with probability ws[i]/sum(ws).
func (g rng) weighted(ws ...int) int {
	total := 0
	for _, w := range ws {
		total += w
	}
	n := g.r.IntN(total)
	for i, w := range ws {
		if n < w {
			return i
		}
		n -= w
	}
	return len(ws) - 1
}

func pick[T any](g rng, xs []T) T { return xs[g.r.IntN(len(xs))] }
