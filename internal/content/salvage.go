package content

import (
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// salvageNames reads what it can of the names a term file gives (title,
// synonyms, abbreviations) when the file failed to load: from its whole
// YAML front matter if that parses, else from the lines before yaml's
// mistake. Links by those names are then not a second error for the one
// mistake (most front matter starts with the title). Only YAML is read:
// TOML and JSON files are rare, and their names are not guessed.
func salvageNames(src []byte) []string {
	text := string(clean(src))
	fm := splitFrontMatter(text)
	if fm.problem != fmOK || fm.kind != fmYAML {
		return nil
	}
	var doc yaml.Node
	err := yaml.Unmarshal([]byte(fm.data), &doc)
	if err == nil {
		return namesOf(&doc)
	}
	// yaml's line is where it noticed the mistake, which may be far
	// below it (an unclosed quote ends at the next quote), or none
	// ("unknown anchor"): the longest start before it that parses. The
	// starts tried end before a key at the top level, where whole YAML
	// ends; those before the mistake parse and those after do not, so a
	// binary search finds it in a few parses however long the file.
	line, _ := yamlLine(err.Error())
	lines := strings.SplitAfter(fm.data, "\n")
	if line == 0 || line > len(lines)+1 {
		line = len(lines) + 1
	}
	var cuts []int // prefix lengths, in lines
	for n := 1; n <= line-1; n++ {
		if n == len(lines) || startsKey(lines[n]) {
			cuts = append(cuts, n)
		}
	}
	parse := func(n int) (*yaml.Node, bool) {
		var prefix yaml.Node
		return &prefix, yaml.Unmarshal([]byte(strings.Join(lines[:n], "")), &prefix) == nil
	}
	i := sort.Search(len(cuts), func(i int) bool { _, ok := parse(cuts[i]); return !ok })
	if i == 0 {
		return nil
	}
	prefix, _ := parse(cuts[i-1])
	return namesOf(prefix)
}

// startsKey reports whether a line of YAML starts a key at the top level.
func startsKey(line string) bool {
	return line != "" && !strings.ContainsAny(line[:1], " \t\r\n#-") && strings.Contains(line, ":")
}

// namesOf lists the title, synonyms and abbreviations of a YAML
// document whose top level is a mapping.
func namesOf(doc *yaml.Node) []string {
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil
	}
	var names []string
	top := doc.Content[0].Content
	for i := 0; i+1 < len(top); i += 2 {
		switch k, v := top[i].Value, top[i+1]; k {
		case "title":
			if v.Kind == yaml.ScalarNode && v.Value != "" {
				names = append(names, v.Value)
			}
		case "synonyms", "abbreviations":
			if v.Kind != yaml.SequenceNode {
				continue
			}
			for _, s := range v.Content {
				if s.Kind == yaml.ScalarNode && s.Value != "" {
					names = append(names, s.Value)
				}
			}
		}
	}
	return names
}
