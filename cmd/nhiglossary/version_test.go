package main

import (
	"runtime/debug"
	"testing"
)

func TestVersionSaysWhatTheBinaryWasBuiltFrom(t *testing.T) {
	settings := func(kv ...string) []debug.BuildSetting {
		var out []debug.BuildSetting
		for i := 0; i < len(kv); i += 2 {
			out = append(out, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return out
	}
	rev := settings("vcs", "git", "vcs.revision", "96d8fe2e903a65e85d2c0021241ab7c4b19d3c83", "vcs.time", "2026-12-01T22:39:47Z", "vcs.modified", "false")
	for _, tc := range []struct {
		name string
		set  string
		bi   *debug.BuildInfo
		want string
	}{
		{"set at release", "v1.2.3", &debug.BuildInfo{Main: debug.Module{Version: "v1.0.0"}}, "v1.2.3"},
		{"go install module@version", "", &debug.BuildInfo{Main: debug.Module{Version: "v1.4.0"}}, "v1.4.0"},
		{"go build in a clone (Go 1.24+)", "", &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261201223947-96d8fe2e903a+dirty"}, Settings: rev}, "v0.0.0-20261201223947-96d8fe2e903a+dirty"},
		{"a revision without a module version", "", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: rev}, "devel git 96d8fe2e903a (2026-12-01T22:39:47Z)"},
		{"uncommitted changes", "", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: settings("vcs", "git", "vcs.revision", "abc", "vcs.modified", "true")}, "devel git abc (with uncommitted changes)"},
		{"go run", "", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "devel"},
		{"no build info", "", nil, "devel"},
	} {
		if got := versionOf(tc.set, tc.bi); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}
