package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// kinds are the edits benchserve can time, in the order of issue 10.
var kinds = []string{"prose", "summary", "link", "title", "newterm"}

// A plan is one kind of edit: the page the browser shows while it is
// timed, a sentence saying what is timed, and how to make edit i.
type plan struct {
	kind  string
	page  string // the term whose page the browser shows
	timed string
	// next returns edit i: the file to write, its new text, and a
	// JavaScript expression that is true once a reader sees the edit.
	// Called again for the same i when that expression was already true
	// before the save (the change would not be a change on screen).
	next func(i int) (file string, text []byte, shown string, err error)
}

// corpusTerm is what the plans need of one term file of scripts/gencorpus.
type corpusTerm struct {
	slug, title string
	related     []string
	text        []byte
	lower       string // text, lower-cased: which [[links]] it has
}

var (
	titleLine   = regexp.MustCompile(`(?m)^title: "?([^"\n]*)"?$`)
	relatedLine = regexp.MustCompile(`(?m)^related: \[([^\]\n]*)\]$`)
	summaryLine = regexp.MustCompile(`(?m)^summary: "`)
	linkTarget  = regexp.MustCompile(`\[\[([^\]|]+)`)
)

// loadTerms reads every term file of the site, in file-name order.
func loadTerms(site string) ([]corpusTerm, error) {
	files, err := filepath.Glob(filepath.Join(site, "content", "terms", "*.md"))
	if err != nil {
		return nil, err
	}
	var terms []corpusTerm
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		t := corpusTerm{slug: strings.TrimSuffix(filepath.Base(f), ".md"), text: b, lower: strings.ToLower(string(b))}
		m := titleLine.FindSubmatch(b)
		if m == nil {
			return nil, fmt.Errorf("%s: no title line", f)
		}
		t.title = string(m[1])
		if m := relatedLine.FindSubmatch(b); m != nil {
			for _, s := range strings.Split(string(m[1]), ",") {
				if s = strings.TrimSpace(s); s != "" {
					t.related = append(t.related, s)
				}
			}
		}
		terms = append(terms, t)
	}
	return terms, nil
}

// uniqueWord is a word no page has before edit i writes it.
func uniqueWord(prefix string, i int) string {
	return fmt.Sprintf("%s%dq%d", prefix, i, time.Now().UnixNano()%100000)
}

// bodyContains is a JavaScript test of the page's visible text.
func bodyContains(s string) string {
	return `!!document.body && document.body.innerText.toLowerCase().includes(` + strconv.Quote(strings.ToLower(s)) + `)`
}

// backlinksContain tests the page's "What links here" section.
func backlinksContain(title string) string {
	return `(() => { const h = document.getElementById("referenced-by"); return !!h && h.parentElement.innerText.toLowerCase().includes(` +
		strconv.Quote(strings.ToLower(title)) + `); })()`
}

const anchor = "## Why it matters"

func termFile(site, slug string) string { return filepath.Join(site, "content", "terms", slug+".md") }

// newPlan makes the plan of one kind, editing around the term slug.
// Every edit is a new change: a new word, a new title, another term
// linking, another new term. The files it writes are restored (or
// removed) by the caller, from what restore holds.
func newPlan(kind, tool, site, slug string, terms []corpusTerm, restore map[string][]byte) (*plan, error) {
	if kind != "prose" && tool != "nhiglossary" {
		return nil, fmt.Errorf("-kind %s: not supported for %s (only prose)", kind, tool)
	}
	keep := func(file string) error {
		if _, ok := restore[file]; ok {
			return nil
		}
		b, err := os.ReadFile(file)
		if os.IsNotExist(err) {
			restore[file] = nil // a new file: removed afterwards
			return nil
		}
		restore[file] = b
		return err
	}
	bySlug := make(map[string]*corpusTerm, len(terms))
	for k := range terms {
		bySlug[terms[k].slug] = &terms[k]
	}
	find := func(s string) *corpusTerm { return bySlug[s] }
	switch kind {
	case "prose":
		file := termFile(site, slug)
		if err := keep(file); err != nil {
			return nil, err
		}
		orig := string(restore[file])
		if !strings.Contains(orig, anchor) {
			return nil, fmt.Errorf("%s has no %q to edit before", file, anchor)
		}
		return &plan{kind: kind, page: slug,
			timed: fmt.Sprintf("save of content/terms/%s.md with a new sentence in its body -> the sentence on /terms/%s/ (open)", slug, slug),
			next: func(i int) (string, []byte, string, error) {
				word := uniqueWord("benchedit", i)
				return file, []byte(strings.Replace(orig, anchor, "The editor wrote "+word+" here.\n\n"+anchor, 1)), bodyContains(word), nil
			}}, nil

	case "summary":
		// The first term the edited term lists as related: its card, with
		// its summary, is on the edited term's page.
		x := find(slug)
		if x == nil || len(x.related) == 0 {
			return nil, fmt.Errorf("-kind summary: term %q lists no related term", slug)
		}
		a := find(x.related[0])
		if a == nil {
			return nil, fmt.Errorf("-kind summary: no term file for %q", x.related[0])
		}
		file := termFile(site, a.slug)
		if err := keep(file); err != nil {
			return nil, err
		}
		orig := string(restore[file])
		if !summaryLine.MatchString(orig) {
			return nil, fmt.Errorf("%s has no quoted summary line", file)
		}
		return &plan{kind: kind, page: x.slug,
			timed: fmt.Sprintf("save of content/terms/%s.md with a new word in its summary -> the word in its related card on /terms/%s/ (open)", a.slug, x.slug),
			next: func(i int) (string, []byte, string, error) {
				word := uniqueWord("benchsummary", i)
				return file, []byte(summaryLine.ReplaceAllLiteralString(orig, `summary: "`+word+` `)), bodyContains(word), nil
			}}, nil

	case "link":
		// A term that does not link the edited term yet gets a [[link]]
		// to it; the edited term's page lists it under "What links here".
		// Each edit links from another term; the browser checks that
		// the term was not listed before.
		x := find(slug)
		if x == nil {
			return nil, fmt.Errorf("-kind link: no term %q", slug)
		}
		names := []string{"[[" + strings.ToLower(x.title), "[[" + x.slug}
		var from []*corpusTerm
		for k := range terms {
			b := &terms[k]
			if b.slug == x.slug || slices.Contains(b.related, x.slug) || !strings.Contains(string(b.text), anchor) ||
				slices.ContainsFunc(names, func(n string) bool { return strings.Contains(b.lower, n) }) {
				continue
			}
			from = append(from, b)
		}
		tried := 0
		return &plan{kind: kind, page: x.slug,
			timed: fmt.Sprintf("save of another term's file with [[%s]] added to its body -> that term in \"What links here\" on /terms/%s/ (open)", x.title, x.slug),
			next: func(i int) (string, []byte, string, error) {
				if tried >= len(from) {
					return "", nil, "", fmt.Errorf("-kind link: no term left that does not link %s", x.slug)
				}
				b := from[tried]
				tried++
				file := termFile(site, b.slug)
				if err := keep(file); err != nil {
					return "", nil, "", err
				}
				text := strings.Replace(string(b.text), anchor, "The editor linked [["+x.title+"]] here.\n\n"+anchor, 1)
				return file, []byte(text), backlinksContain(b.title), nil
			}}, nil

	case "title":
		// A term no [[link]] names by its title (renaming it breaks no
		// link), listed as related by a term whose page shows its card.
		linked := map[string]bool{}
		for _, t := range terms {
			for _, m := range linkTarget.FindAllStringSubmatch(t.lower, -1) {
				linked[strings.TrimSpace(m[1])] = true
			}
		}
		for _, y := range terms {
			for _, r := range y.related {
				a := find(r)
				if a == nil || a.slug == slug || linked[strings.ToLower(a.title)] || linked[a.slug] {
					continue
				}
				file := termFile(site, a.slug)
				if err := keep(file); err != nil {
					return nil, err
				}
				orig := string(restore[file])
				return &plan{kind: kind, page: y.slug,
					timed: fmt.Sprintf("save of content/terms/%s.md (%q) with a new title -> the title in its related card on /terms/%s/ (open)", a.slug, a.title, y.slug),
					next: func(i int) (string, []byte, string, error) {
						word := uniqueWord("Benchtitle", i)
						return file, []byte(titleLine.ReplaceAllLiteralString(orig, `title: "`+word+` Renamed"`)), bodyContains(word), nil
					}}, nil
			}
		}
		return nil, fmt.Errorf("-kind title: every related term is named by a [[link]]")

	case "newterm":
		// A new term file that lists the edited term as related: the
		// edited term's page, open in the browser, lists it under "What
		// links here". (Its own page is not timed: the browser would
		// have to be sent there, which is not what live reload does.)
		if find(slug) == nil {
			return nil, fmt.Errorf("-kind newterm: no term %q", slug)
		}
		return &plan{kind: kind, page: slug,
			timed: fmt.Sprintf("save of a new content/terms/benchnew-*.md listing %s as related -> the new term in \"What links here\" on /terms/%s/ (open)", slug, slug),
			next: func(i int) (string, []byte, string, error) {
				word := uniqueWord("benchnew", i)
				file := termFile(site, word)
				if err := keep(file); err != nil {
					return "", nil, "", err
				}
				title := strings.ToUpper(word[:1]) + word[1:] + " Term"
				text := fmt.Sprintf("---\ntitle: %q\nsummary: \"A term the benchmark added.\"\nupdated: 2026-05-20\nrelated: [%s]\n---\n\nA body the benchmark wrote.\n", title, slug)
				return file, []byte(text), backlinksContain(title), nil
			}}, nil
	}
	return nil, fmt.Errorf("unknown -kind %q (want one of %s)", kind, strings.Join(kinds, ", "))
}
