package autolink

import (
	"math/rand/v2"
	"testing"
)

func TestTableAgreesWithMap(t *testing.T) {
	var tab table
	want := map[uint64]uint32{}
	rng := rand.New(rand.NewPCG(1, 2))
	keys := []uint64{1, 2, 1 << 32, 1<<63 + 5}
	for range 5000 {
		keys = append(keys, rng.Uint64()%20000) // collisions in the low bits
	}
	for i, k := range keys {
		if _, ok := want[max(k, 1)]; ok {
			continue
		}
		want[max(k, 1)] = uint32(i)
		tab.put(k, uint32(i))
	}
	for k, v := range want {
		if got, ok := tab.get(k); !ok || got != v {
			t.Fatalf("get(%d) = %d, %v; want %d", k, got, ok, v)
		}
	}
	for range 1000 {
		k := 20000 + rng.Uint64()%1e9
		if got, ok := tab.get(k); ok {
			t.Fatalf("get(%d) = %d for a key never put", k, got)
		}
	}
	if got, ok := tab.get(0); !ok || got != want[1] {
		t.Errorf("key 0 is not key 1: get(0) = %d, %v", got, ok)
	}
	var empty table
	if _, ok := empty.get(7); ok {
		t.Error("empty table has key 7")
	}
}
