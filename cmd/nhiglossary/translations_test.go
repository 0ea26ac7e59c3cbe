package main

import (
	"strings"
	"testing"
)

func TestCheckListsStaleAndMissingTranslations(t *testing.T) {
	const src = "../../internal/build/testdata/two-lang"
	code, out, errOut := runCLI(t, "check", "--src", src, "--translations")
	want := "content/terms/secret.de.md: stale: translated from 2026-03-01, content/terms/secret.md updated 2026-06-01\n" +
		"content/terms/workload-identity.de.md: missing\n"
	if code != 0 || out != want || !strings.Contains(errOut, "1 translation stale, 1 translation missing") {
		t.Errorf("exit %d\nstdout:\n%s\nwant:\n%s\nstderr: %s", code, out, want, errOut)
	}
	if code, _, _ := runCLI(t, "check", "--src", src, "--translations", "--strict"); code != 1 {
		t.Errorf("--strict with a stale translation: exit %d, want 1", code)
	}
}
