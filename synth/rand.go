package synth

import (
	"math"
	"math/rand/v2"
)

// rng is the generator's source of choices. Every report and every unit gets
// its own stream, seeded from Options.Seed and its index, so report i does
// not depend on how many reports are generated or in which order.
type rng struct{ *rand.Rand }

// Stream kinds keep the streams of units and reports apart.
const (
	streamUnit uint64 = iota + 1
	streamReport
	streamUnitList
)

func newRNG(seed int64, kind uint64, index int) rng {
	return rng{rand.New(rand.NewPCG(splitmix(uint64(seed)), splitmix(kind<<48^uint64(index))))}
}

// splitmix scrambles seeds so that neighbouring indices give unrelated streams.
func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// chance reports true with probability p.
func (r rng) chance(p float64) bool { return r.Float64() < p }

// between returns an integer in [lo, hi].
func (r rng) between(lo, hi int) int { return lo + r.IntN(hi-lo+1) }

// pick returns one element of xs.
func pick[T any](r rng, xs []T) T { return xs[r.IntN(len(xs))] }

// weighted returns an index chosen with the given weights.
func (r rng) weighted(weights ...float64) int {
	total := 0.0
	for _, w := range weights {
		total += w
	}
	x := r.Float64() * total
	for i, w := range weights {
		if x < w {
			return i
		}
		x -= w
	}
	return len(weights) - 1
}

// logUniform returns a value spread evenly in orders of magnitude around median.
func (r rng) logUniform(median, spread float64) float64 {
	return median * math.Exp((r.Float64()*2-1)*math.Log(spread))
}
