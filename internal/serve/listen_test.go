package serve

import (
	"net"
	"strconv"
	"strings"
	"testing"
)

// taken listens at a free loopback port until the test ends.
func taken(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	return ln.Addr().(*net.TCPAddr).Port
}

func TestTheDefaultPortMovesOnWhenTaken(t *testing.T) {
	port := taken(t)
	ln, note, err := Listen("127.0.0.1:"+strconv.Itoa(port), false)
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	got := ln.Addr().(*net.TCPAddr).Port
	if got == port {
		t.Fatalf("listening at the taken port %d", port)
	}
	want := "port " + strconv.Itoa(port) + " is taken (another preview?), so this one uses port " + strconv.Itoa(got)
	if note != want {
		t.Errorf("note %q, want %q", note, want)
	}
	if ln, note, err := Listen("127.0.0.1:0", false); err != nil || note != "" {
		t.Errorf("a free port: %q, %v", note, err)
	} else {
		ln.Close()
	}
}

func TestAnAddressThatCannotBeUsedIsOneClearLine(t *testing.T) {
	busy := strconv.Itoa(taken(t))
	for _, tc := range []struct{ addr, want string }{
		{"127.0.0.1:" + busy, "port " + busy + " is taken (another preview?); choose another, such as --addr 127.0.0.1:"},
		{"localhost", `--addr "localhost" is not HOST:PORT (such as 127.0.0.1:1313, or 0.0.0.0:1313 for other machines too)`},
		{"127.0.0.1:http", `--addr "127.0.0.1:http" is not HOST:PORT`},
		{"127.0.0.1:70000", `--addr "127.0.0.1:70000" is not HOST:PORT`},
		{"127.0.0.1:-1", `--addr "127.0.0.1:-1" is not HOST:PORT`},
		{"", `--addr "" is not HOST:PORT`},
		{"http://127.0.0.1:1313/", `--addr "http://127.0.0.1:1313/" is not HOST:PORT`},
		{"192.0.2.1:1313", "cannot listen at --addr 192.0.2.1:1313: cannot assign requested address"},
	} {
		ln, _, err := Listen(tc.addr, true)
		if err == nil {
			ln.Close()
			t.Errorf("--addr %q: listening", tc.addr)
			continue
		}
		if msg := err.Error(); !strings.HasPrefix(msg, tc.want) || strings.Contains(msg, "\n") || strings.Contains(msg, "bind:") {
			t.Errorf("--addr %q:\n got %q\nwant %q...", tc.addr, msg, tc.want)
		}
	}
}
