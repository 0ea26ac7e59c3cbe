package benchcorpus

// The Hugo copy of the corpus: a config and layouts that render the same
// sections as a term page, so the two tools build comparable pages.

const hugoConfig = `baseURL = "https://example.org/glossary/"
title = "Synthetic NHI Glossary"
disableKinds = []
[taxonomies]
  tag = "tags"
  category = "category"
  incident = "incidents"
[markup.goldmark.renderer]
  unsafe = false
[markup.highlight]
  noClasses = false
[outputs]
  home = ["HTML", "RSS", "JSON"]
`

var hugoLayouts = []struct{ path, text string }{
	{"_default/baseof.html", `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title>
<link rel="stylesheet" href="{{ "style.css" | relURL }}"></head><body><header><a href="{{ "/" | relURL }}">{{ site.Title }}</a></header>
<main>{{ block "main" . }}{{ end }}</main></body></html>`},
	{"_default/single.html", `{{ define "main" }}<article><h1>{{ .Title }}</h1>
<p class="meta">Updated {{ .Params.updated }}</p><p class="summary">{{ .Params.summary }}</p>
{{ .Content }}
<h2>Examples and use cases</h2><ul>{{ range .Params.examples }}<li>{{ . | markdownify }}</li>{{ end }}</ul>
<h2>Incidents</h2><ul>{{ range .GetTerms "incidents" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
<h2>Standards &amp; framework alignment</h2><table>{{ range .Params.mappings }}<tr><td>{{ .framework }}</td><td>{{ .control }}</td><td>{{ .relevance | markdownify }}</td></tr>{{ end }}</table>
<p><strong>{{ .Params.takeaway }}</strong></p>
<h2>Related</h2><ul>{{ range .Params.related }}{{ with site.GetPage (printf "/terms/%s" .) }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}{{ end }}</ul>
<h2>Sources</h2><ul>{{ range .Params.sources }}<li><a href="{{ .url }}">{{ .title }}</a></li>{{ end }}</ul>
</article>{{ end }}`},
	{"_default/list.html", `{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages.ByTitle }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.summary }}</li>{{ end }}</ul>{{ end }}`},
	{"index.html", `{{ define "main" }}<h1>{{ site.Title }}</h1><ul>{{ range first 20 (where site.RegularPages "Section" "terms").ByLastmod.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}`},
	{"index.json", `[{{ range $i, $p := where site.RegularPages "Section" "terms" }}{{ if $i }},{{ end }}{{ dict "title" $p.Title "url" $p.RelPermalink "summary" $p.Params.summary | jsonify }}{{ end }}]`},
}

func (g *gen) writeHugo() error {
	if err := g.writeFile("hugo.toml", hugoConfig); err != nil {
		return err
	}
	for _, l := range hugoLayouts {
		if err := g.writeFile("layouts/"+l.path, l.text); err != nil {
			return err
		}
	}
	return g.writeFile("static/style.css", "body{font-family:sans-serif;max-width:48rem;margin:auto}\n")
}
