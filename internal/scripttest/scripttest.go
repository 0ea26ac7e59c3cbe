// Package scripttest finds, in HTML, what may run script, for the tests
// that no page, nor any copy of one, does whatever an editor writes.
package scripttest

import (
	"regexp"
	"testing"
)

// Scripted matches what in lower-cased HTML may run script: an element
// that runs or loads it, or a tag with an event handler or a link or
// source to javascript: and the like (attribute values apart).
var Scripted = regexp.MustCompile(`<(?:script|iframe|object|embed|svg|math|style|base|form|meta|link)\b|` +
	`<[a-z][a-z0-9-]*(?:\s+[a-z-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]*))?)*\s+` + // a tag, attributes before...
	`(?:on[a-z]+\s*=|(?:href|src|action|formaction)\s*=\s*["']?\s*(?:javascript:|vbscript:|data:text))`)

// SelfCheck fails t when Scripted misses what it looks for, or takes an
// attribute's value for a handler: a detector that cannot fail proves
// nothing.
func SelfCheck(t testing.TB) {
	t.Helper()
	for _, bad := range []string{`<img src=x onerror=alert(1)>`, `<a title="x" href="javascript:alert(1)">`, `<svg>`} {
		if !Scripted.MatchString(bad) {
			t.Fatalf("Scripted misses %s", bad)
		}
	}
	if Scripted.MatchString(`<a href="/t/" title="0 ona=">`) {
		t.Fatal("Scripted takes an attribute's value for a handler")
	}
}
