package par

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
)

func TestDoCallsEveryItemOnce(t *testing.T) {
	seen := make([]atomic.Int32, 1000)
	if err := Do(context.Background(), len(seen), func(w, i int) error {
		if w < 0 || w >= Workers() {
			t.Errorf("worker %d", w)
		}
		seen[i].Add(1)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	for i := range seen {
		if n := seen[i].Load(); n != 1 {
			t.Fatalf("item %d ran %d times", i, n)
		}
	}
}

func TestDoStopsAtTheFirstError(t *testing.T) {
	boom := errors.New("boom")
	var ran atomic.Int32
	err := Do(context.Background(), 100000, func(_, i int) error {
		ran.Add(1)
		if i == 3 {
			return boom
		}
		return nil
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v", err)
	}
	if ran.Load() > 1000 {
		t.Errorf("%d items ran after the error", ran.Load())
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Do(ctx, 10, func(_, _ int) error { t.Error("ran after cancel"); return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: err = %v", err)
	}
}
