package autolink

import "slices"

// table maps uint64 keys to uint32 values. It is a hash table with open
// addressing and linear probing, which looks up about twice as fast as a
// Go map: the look-ups of words were half of the time of Find.
//
// Keys are hashes or edge keys, already well mixed in their high bits;
// key 0 is stored as 1 (an empty slot has key 0), which at worst makes two
// keys collide, as hashes may anyway.
type table struct {
	slots []slot // a power of two of them, at most half full
	shift uint8  // 64 - log2(len(slots))
	n     int
}

type slot struct {
	key uint64
	val uint32
}

// get returns the value of key.
func (t *table) get(key uint64) (uint32, bool) {
	if len(t.slots) == 0 {
		return 0, false
	}
	key = max(key, 1)
	mask := uint64(len(t.slots) - 1)
	for i := t.index(key); ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.key == key {
			return s.val, true
		}
		if s.key == 0 {
			return 0, false
		}
	}
}

// put sets the value of key, which is not in t.
func (t *table) put(key uint64, val uint32) {
	if 2*(t.n+1) > len(t.slots) {
		t.grow()
	}
	t.insert(max(key, 1), val)
	t.n++
}

// index is where key's probe starts: Fibonacci hashing, whose top bits
// depend on every bit of key.
func (t *table) index(key uint64) uint64 {
	return (key * 0x9E3779B97F4A7C15) >> t.shift
}

func (t *table) insert(key uint64, val uint32) {
	mask := uint64(len(t.slots) - 1)
	i := t.index(key)
	for t.slots[i].key != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = slot{key, val}
}

func (t *table) grow() {
	old := t.slots
	n := max(2*len(old), 64)
	t.slots = make([]slot, n)
	t.shift = 64
	for ; n > 1; n >>= 1 {
		t.shift--
	}
	for _, s := range old {
		if s.key != 0 {
			t.insert(s.key, s.val)
		}
	}
}

// clone returns a copy of t that can be changed without changing t.
func (t table) clone() table {
	t.slots = slices.Clone(t.slots)
	return t
}
