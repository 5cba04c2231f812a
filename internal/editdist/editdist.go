// Package editdist measures how far apart two strings are, for the "did
// you mean" of place names, ids and column headers.
package editdist

// Levenshtein returns the Levenshtein distance between a and b, in runes:
// how many runes must be inserted, deleted or replaced to make one the
// other. It takes time in the product of their lengths: callers bound
// what they compare.
func Levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := 1
			if ra[i-1] == rb[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
