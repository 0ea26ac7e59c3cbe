package markdown

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"

	"github.com/nhimg/nhiglossary/internal/benchcpu"
)

// benchNames returns n names built like the benchmark corpus's titles
// (scripts/gencorpus): "Adj Noun" and "Domain Adj Noun".
func benchNames(n int) []AutoName {
	adj := strings.Fields(`static dynamic ephemeral federated scoped delegated rotated leaked orphaned privileged
		shared managed unmanaged temporary long-lived short-lived signed encrypted hashed revoked
		inherited workload machine service agentic automated hardcoded vaulted brokered attested
		just-in-time zero-standing cross-account multi-cloud third-party internal external public
		private trusted untrusted verified unverified mutual bound unbound`)
	noun := strings.Fields(`key token secret credential identity account certificate role policy session
		principal grant assertion claim scope entitlement permission binding trust vault broker
		agent workload pipeline runner webhook integration connector bot daemon cluster namespace
		tenant sprawl rotation revocation inventory attestation federation posture baseline
		boundary perimeter provenance lifecycle ownership audit telemetry anomaly`)
	domain := append([]string{""}, strings.Fields(`OAuth OIDC SAML SPIFFE Kubernetes AWS Azure GCP GitHub
		CI/CD API SSH TLS mTLS JWT X.509 LDAP SCIM PAM IAM`)...)
	out := make([]AutoName, 0, n)
	for _, d := range domain {
		for _, a := range adj {
			for _, b := range noun {
				if len(out) == n {
					return out
				}
				title := strings.TrimSpace(d + " " + a + " " + b)
				slug := strings.ToLower(strings.NewReplacer(" ", "-", "/", "-", ".", "-").Replace(title))
				out = append(out, AutoName{Text: title, Slug: slug, Link: term(slug, title)})
			}
		}
	}
	for i := 0; len(out) < n; i++ {
		title := fmt.Sprintf("Term %d", i)
		out = append(out, AutoName{Text: title, Slug: fmt.Sprint("term-", i), Link: term(fmt.Sprint("term-", i), title)})
	}
	return out
}

// benchLinker resolves every target.
type benchLinker struct{}

func (benchLinker) WikiLink(target string) (LinkInfo, bool) {
	slug := strings.ToLower(strings.ReplaceAll(target, " ", "-"))
	return term(slug, target), true
}

// BenchmarkRender renders a 3.8 KB term body with [[links]], a table, code
// and a footnote, auto-linking against 10k names.
func BenchmarkRender(b *testing.B) {
	src := readFile(b, "testdata/bench.md")
	r := New(Options{}, benchLinker{}, benchNames(10000))
	doc := Doc{Self: "attested-telemetry", Autolink: true}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	start := benchcpu.Time()
	for b.Loop() {
		r.Render(src, doc)
	}
	benchcpu.Report(b, start)
}

// BenchmarkRenderParallel is BenchmarkRender on every CPU at once, as a
// build renders.
func BenchmarkRenderParallel(b *testing.B) {
	src := readFile(b, "testdata/bench.md")
	r := New(Options{}, benchLinker{}, benchNames(10000))
	doc := Doc{Self: "attested-telemetry", Autolink: true}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	b.ResetTimer()
	start := benchcpu.Time()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			r.Render(src, doc)
		}
	})
	benchcpu.Report(b, start)
}

// BenchmarkRenderNoAutolink is BenchmarkRender without auto-linking, to
// see what auto-linking costs.
func BenchmarkRenderNoAutolink(b *testing.B) {
	src := readFile(b, "testdata/bench.md")
	r := New(Options{}, benchLinker{}, benchNames(10000))
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	start := benchcpu.Time()
	for b.Loop() {
		r.Render(src, Doc{})
	}
	benchcpu.Report(b, start)
}

// BenchmarkMatcherBuild builds the auto-link matcher of a 50k-term site.
func BenchmarkMatcherBuild(b *testing.B) {
	names := benchNames(50000)
	b.ReportAllocs()
	start := benchcpu.Time()
	for b.Loop() {
		newAutoLinks(Options{}, names)
	}
	benchcpu.Report(b, start)
}

// BenchmarkBaselineGoldmark renders the same text with goldmark and its
// stock extensions only: a yardstick for BenchmarkRender on a machine
// whose speed is unknown.
func BenchmarkBaselineGoldmark(b *testing.B) {
	src := []byte(readFile(b, "testdata/bench.md"))
	md := goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.Typographer),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	start := benchcpu.Time()
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		_ = md.Convert(src, &buf)
	}
	benchcpu.Report(b, start)
}

// BenchmarkRenderBody renders a typical term body of the benchmark corpus
// (2 KB, six [[links]], two headings, a list), auto-linking against 10k
// names: what a build does once per term.
func BenchmarkRenderBody(b *testing.B) {
	benchRender(b, readFile(b, "testdata/body.md"), Doc{Self: "api-agentic-lifecycle", Autolink: true})
}

// BenchmarkRenderInline renders a one-sentence field with no markup (a
// mapping's relevance): what a build does several times per term.
func BenchmarkRenderInline(b *testing.B) {
	src := "Quotas incidents API PAM SCIM AWS controls may owners API it access this these risk scoped policy auditors movement controls short-lived lifecycle."
	benchRender(b, src, Doc{Inline: true})
}

// BenchmarkRenderInlineLink renders a one-sentence field with a [[link]]
// (an example).
func BenchmarkRenderInlineLink(b *testing.B) {
	src := "Exposure this [[SAML Vaulted Runner]] scanning billing billing can OIDC to only with environments from."
	benchRender(b, src, Doc{Self: "api-agentic-lifecycle", Inline: true})
}

func benchRender(b *testing.B, src string, doc Doc) {
	r := New(Options{}, benchLinker{}, benchNames(10000))
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	start := benchcpu.Time()
	for b.Loop() {
		r.Render(src, doc)
	}
	benchcpu.Report(b, start)
}
