package proptest

import (
	"slices"
	"testing"
)

func TestSeeds(t *testing.T) {
	for _, tc := range []struct {
		env  string
		want []uint64
	}{
		{"", []uint64{0, 1, 2}},
		{"2", []uint64{0, 1}},
		{"1000+3", []uint64{1000, 1001, 1002}},
		{"7+1", []uint64{7}},
	} {
		t.Setenv("NHIGLOSSARY_SEEDS", tc.env)
		if got := slices.Collect(Seeds(t, 3)); !slices.Equal(got, tc.want) {
			t.Errorf("NHIGLOSSARY_SEEDS=%q: %v, want %v", tc.env, got, tc.want)
		}
	}
}

func TestParseRejects(t *testing.T) {
	for _, s := range []string{"x", "0", "-1", "1+", "+3", "a+3", "1+0", "1+-2"} {
		if _, _, err := parse(s); err == nil {
			t.Errorf("%q: no error", s)
		}
	}
}
