// Package benchcorpus writes the synthetic glossary the benchmarks build:
// N terms about the size of real entries (summary, a 300-500 word body
// with [[links]], examples, incidents, mappings, sources), their
// incidents and three frameworks, or the same content as a Hugo site.
// For a given size and seed the output is always the same bytes, and the
// same bytes as the Python generator the first benchmarks used.
package benchcorpus

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

var (
	adj = strings.Fields(`static dynamic ephemeral federated scoped delegated rotated leaked orphaned privileged
shared managed unmanaged temporary long-lived short-lived signed encrypted hashed revoked
inherited workload machine service agentic automated hardcoded vaulted brokered attested
just-in-time zero-standing cross-account multi-cloud third-party internal external public
private trusted untrusted verified unverified mutual bound unbound`)
	noun = strings.Fields(`key token secret credential identity account certificate role policy session
principal grant assertion claim scope entitlement permission binding trust vault broker
agent workload pipeline runner webhook integration connector bot daemon cluster namespace
tenant sprawl rotation revocation inventory attestation federation posture baseline
boundary perimeter provenance lifecycle ownership audit telemetry anomaly`)
	domain = strings.Fields(`OAuth OIDC SAML SPIFFE Kubernetes AWS Azure GCP GitHub CI/CD API SSH TLS mTLS
JWT X.509 LDAP SCIM PAM IAM`)
	filler = strings.Fields(`the a an of to in for with that by on from as is are be can when which this
these it its or and not only also often must should may`)
	topic = strings.Fields(`organisations credentials exposure access abuse monitoring visibility risk controls
attackers automation governance rotation scanning incidents repositories environments
quotas billing impersonation escalation movement compliance auditors vendors owners`)
	categories = []string{"Credentials", "Identities", "Governance", "Attacks", "Controls"}
)

type framework struct{ id, name, short string }

// frameworks in the order their files are written; frameworkIDs sorted.
var (
	frameworks = []framework{
		{"owasp-nhi-top-10", "OWASP Non-Human Identity Top 10", "OWASP NHI Top 10"},
		{"nist-csf-2", "NIST Cybersecurity Framework 2.0", "NIST CSF 2.0"},
		{"nist-sp-800-207", "NIST SP 800-207 Zero Trust Architecture", "NIST SP 800-207"},
	}
	frameworkIDs = []string{"nist-csf-2", "nist-sp-800-207", "owasp-nhi-top-10"}
	controls     = map[string][]string{"owasp-nhi-top-10": owaspControls(), "nist-csf-2": csfControls()}
)

func owaspControls() []string {
	var out []string
	for i := 1; i <= 10; i++ {
		out = append(out, fmt.Sprintf("NHI%d", i))
	}
	return out
}

func csfControls() []string {
	var out []string
	for _, f := range [][2]string{{"GV", "OC RM RR PO OV SC"}, {"ID", "AM RA IM"}, {"PR", "AA AT DS PS IR"},
		{"DE", "CM AE"}, {"RS", "MA AN CO MI"}, {"RC", "RP CO"}} {
		for _, c := range strings.Fields(f[1]) {
			for n := 1; n <= 5; n++ {
				out = append(out, fmt.Sprintf("%s.%s-%02d", f[0], c, n))
			}
		}
	}
	return out
}

// Options say what to write.
type Options struct {
	Terms int   // number of terms (default 1000)
	Seed  int64 // default 1
	Hugo  bool  // the same content as a Hugo site

	// Abbreviations gives this many terms an abbreviation (initials and
	// X), for the search benchmark; the corpus has none otherwise.
	Abbreviations int
}

// Write writes the corpus into dir, replacing an earlier corpus there.
// It refuses a folder that holds anything but a corpus.
func Write(dir string, o Options) error {
	if o.Terms <= 0 {
		o.Terms = 1000
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if err := clear(dir); err != nil {
		return err
	}
	g := &gen{o: o, dir: dir}
	if err := g.write(); err != nil {
		return err
	}
	_, err := addAbbreviations(dir, o.Abbreviations)
	return err
}

// clear removes an earlier corpus, and nothing else.
func clear(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(dir, "content", "terms")); err != nil {
		return fmt.Errorf("%s is not empty and holds no corpus: not replacing it", dir)
	}
	return os.RemoveAll(dir)
}

type gen struct {
	o          Options
	dir        string
	names      []string
	slugs      []string
	incTitles  []string
	incSlugs   []string
	hugoLayout bool
}

func (g *gen) write() error {
	n := g.o.Terms
	rng := newPyRand(uint64(g.o.Seed))
	names, err := titles(n, rng)
	if err != nil {
		return err
	}
	g.names = names
	for _, t := range names {
		g.slugs = append(g.slugs, slugify(t))
	}
	nInc := max(3, n/20)
	for i := range nInc {
		t := fmt.Sprintf("%s incident %d", choice(rng, domain), i+1)
		g.incTitles = append(g.incTitles, t)
		g.incSlugs = append(g.incSlugs, slugify(t))
	}
	for i := range n {
		if err := g.writeFile(filepath.Join("content", "terms", g.slugs[i]+".md"), g.term(i)); err != nil {
			return err
		}
	}
	if !g.o.Hugo {
		for j, t := range g.incTitles {
			r := newPyRand(uint64(g.o.Seed*7 + int64(j)))
			date := fmt.Sprintf("2025-%02d-%02d", r.randint(1, 12), r.randint(1, 28))
			summary := yamlStr(sentence(r, nil))
			text := fmt.Sprintf("---\ntitle: %s\ndate: %s\nsummary: %s\n---\n\n%s\n", yamlStr(t), date, summary, paragraph(r, nil, 5))
			if err := g.writeFile(filepath.Join("content", "incidents", g.incSlugs[j]+".md"), text); err != nil {
				return err
			}
		}
	}
	if g.o.Hugo {
		return g.writeHugo()
	}
	for _, f := range frameworks {
		var b strings.Builder
		fmt.Fprintf(&b, "name: %s\nshort: %s\n", yamlStr(f.name), yamlStr(f.short))
		if cs := controls[f.id]; len(cs) > 0 {
			b.WriteString("controls:\n")
			for _, c := range cs {
				fmt.Fprintf(&b, "  - id: %s\n    title: %s\n", yamlStr(c), yamlStr("Control "+c))
			}
		}
		if err := g.writeFile(filepath.Join("content", "frameworks", f.id+".yaml"), b.String()); err != nil {
			return err
		}
	}
	return g.writeFile("nhiglossary.yaml", "title: Synthetic NHI Glossary\nbase_url: https://example.org/glossary/\n")
}

// term is one term file; the order of random draws is the Python one's.
func (g *gen) term(i int) string {
	n := g.o.Terms
	r := newPyRand(uint64(g.o.Seed*1_000_003 + int64(i)))
	pick := func() int { return r.below(n) }
	namesFn := func() string { return g.link(pick()) }

	relSet := map[string]bool{}
	for range r.randint(2, 6) {
		relSet[g.slugs[pick()]] = true
	}
	delete(relSet, g.slugs[i])
	related := sortedKeys(relSet)

	fm := []string{
		"title: " + yamlStr(g.names[i]),
		"summary: " + yamlStr(sentence(r, nil)),
		"category: " + yamlStr(choice(r, categories)),
	}
	tagSet := map[string]bool{}
	for range 3 {
		tagSet[choice(r, topic)] = true
	}
	fm = append(fm, "tags: ["+joinQuoted(sortedKeys(tagSet))+"]",
		"related: ["+strings.Join(related, ", ")+"]",
		"examples:")
	exNames := namesFn
	if g.o.Hugo {
		exNames = nil
	}
	for range r.randint(2, 4) {
		fm = append(fm, "  - "+yamlStr(sentence(r, exNames)))
	}
	incSet := map[string]bool{}
	for range r.randint(0, 2) {
		incSet[g.incSlugs[r.below(len(g.incSlugs))]] = true
	}
	fm = append(fm, "incidents: ["+strings.Join(sortedKeys(incSet), ", ")+"]", "mappings:")
	k := r.randint(1, 3)
	fids := sample(r, frameworkIDs, k)
	slices.Sort(fids)
	for _, fid := range fids {
		fm = append(fm, "  - framework: "+fid)
		if cs := controls[fid]; len(cs) > 0 {
			fm = append(fm, "    control: "+yamlStr(choice(r, cs)))
		}
		fm = append(fm, "    relevance: "+yamlStr(sentence(r, nil)))
	}
	fm = append(fm, "takeaway: "+yamlStr(sentence(r, nil)), "sources:")
	fm = append(fm, "  - title: "+yamlStr("Report on "+choice(r, topic)),
		fmt.Sprintf("    url: https://example.org/reports/%d", i))
	month := r.randint(1, 12)
	fm = append(fm, fmt.Sprintf("updated: 2026-%02d-%02d", month, r.randint(1, 28)))
	if r.random() < 0.3 {
		fm = append(fm, "synonyms: ["+yamlStr(g.names[i]+" credential set")+"]")
	}

	body := []string{"", paragraph(r, namesFn, r.randint(4, 7)), "",
		"## Why it matters", "", paragraph(r, namesFn, r.randint(4, 7)), "",
		"## In practice", ""}
	for range r.randint(2, 5) {
		body = append(body, "- "+sentence(r, namesFn))
	}
	if r.random() < 0.2 {
		body = append(body, "", "```yaml", "apiVersion: v1", "kind: Secret", "metadata:", "  name: "+g.slugs[i], "```")
	}
	body = append(body, "")
	return "---\n" + strings.Join(fm, "\n") + "\n---\n" + strings.Join(body, "\n")
}

// link is a mention of term i: a [[link]], or for Hugo a plain link.
func (g *gen) link(i int) string {
	if g.o.Hugo {
		return fmt.Sprintf("[%s](/terms/%s/)", g.names[i], g.slugs[i])
	}
	return "[[" + g.names[i] + "]]"
}

func (g *gen) writeFile(rel, text string) error {
	p := filepath.Join(g.dir, rel)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, []byte(text), 0o644)
}

func sentence(r *pyRand, names func() string) string {
	var words []string
	for range r.randint(9, 20) {
		switch x := r.random(); {
		case x < 0.45:
			words = append(words, choice(r, filler))
		case x < 0.8:
			words = append(words, choice(r, topic))
		case x < 0.9:
			words = append(words, choice(r, domain))
		default:
			a := choice(r, adj)
			words = append(words, a+" "+choice(r, noun))
		}
	}
	if names != nil && r.random() < 0.35 {
		at := r.below(len(words))
		words = slices.Insert(words, at, names())
	}
	s := strings.Join(words, " ")
	return strings.ToUpper(s[:1]) + s[1:] + "."
}

func paragraph(r *pyRand, names func() string, n int) string {
	s := make([]string, n)
	for i := range s {
		s[i] = sentence(r, names)
	}
	return strings.Join(s, " ")
}

type combo struct{ a, b, d string }

func titles(n int, rng *pyRand) ([]string, error) {
	var combos []combo
	for _, a := range adj {
		for _, b := range noun {
			for _, d := range append([]string{""}, domain...) {
				combos = append(combos, combo{a, b, d})
			}
		}
	}
	shuffle(rng, combos)
	seen := map[string]bool{}
	var out []string
	for _, suffix := range []string{"", " Pattern", " Practice", " Policy Set", " Model"} {
		for _, c := range combos {
			var parts []string
			for _, x := range []string{c.d, c.a, c.b} {
				if x != "" {
					parts = append(parts, x)
				}
			}
			words := strings.Fields(strings.Join(parts, " ") + suffix)
			for k, w := range words {
				if w[0] >= 'a' && w[0] <= 'z' {
					words[k] = strings.ToUpper(w[:1]) + w[1:]
				}
			}
			t := strings.Join(words, " ")
			if seen[strings.ToLower(t)] {
				continue
			}
			seen[strings.ToLower(t)] = true
			out = append(out, t)
			if len(out) == n {
				return out, nil
			}
		}
	}
	return nil, fmt.Errorf("too many terms for the vocabulary: %d", n)
}

func slugify(t string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(t) {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			b.WriteRune(c)
		} else {
			b.WriteByte('-')
		}
	}
	var parts []string
	for _, p := range strings.Split(b.String(), "-") {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, "-")
}

// yamlStr quotes a string as JSON, which YAML reads as a string.
func yamlStr(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		panic(err) // a string always encodes
	}
	return strings.TrimSuffix(b.String(), "\n")
}

func joinQuoted(s []string) string {
	q := make([]string, len(s))
	for i, x := range s {
		q[i] = yamlStr(x)
	}
	return strings.Join(q, ", ")
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
