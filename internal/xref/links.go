package xref

import (
	"iter"
	"maps"
)

// linkTable is what each normalized name links to. A graph that continues
// from the last one (see Resolve's Memo) keeps the last one's entries as
// its base, shared, and holds only the entries that differ: copying tens
// of thousands of names for each edit would cost more than the rest of
// the edit.
type linkTable struct {
	base map[string]Target // read-only once made
	own  map[string]Target // entries that differ from base; Kind 0: none
}

func (t *linkTable) get(key string) (Target, bool) {
	if v, ok := t.own[key]; ok {
		return v, v.Kind != 0
	}
	v, ok := t.base[key]
	return v, ok
}

// len is how many names link somewhere.
func (t *linkTable) len() int {
	n := len(t.base)
	for k, v := range t.own {
		_, inBase := t.base[k]
		switch {
		case v.Kind == 0 && inBase:
			n--
		case v.Kind != 0 && !inBase:
			n++
		}
	}
	return n
}

// all is every name that links somewhere.
func (t *linkTable) all() iter.Seq2[string, Target] {
	return func(yield func(string, Target) bool) {
		for k, v := range t.own {
			if v.Kind != 0 && !yield(k, v) {
				return
			}
		}
		for k, v := range t.base {
			if _, ok := t.own[k]; !ok && !yield(k, v) {
				return
			}
		}
	}
}

// with is the table with the names of set changed: to a target (ok), or
// to nothing. Once the changes are many, they are merged into a new base.
func (t linkTable) with(keys map[string]bool, get func(key string) (Target, bool)) linkTable {
	own := maps.Clone(t.own)
	if own == nil {
		own = map[string]Target{}
	}
	for key := range keys {
		v, ok := get(key)
		if !ok {
			v = Target{}
		}
		if b, inBase := t.base[key]; inBase == ok && b == v {
			delete(own, key)
		} else {
			own[key] = v
		}
	}
	if len(own) <= len(t.base)/16+64 {
		return linkTable{base: t.base, own: own}
	}
	merged := make(map[string]Target, len(t.base)+len(own))
	for k, v := range (&linkTable{t.base, own}).all() {
		merged[k] = v
	}
	return linkTable{base: merged}
}
