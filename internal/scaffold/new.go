package scaffold

import "text/template"

// The scaffolds list every field with a comment, so an editor learns the
// format by filling one in. Text to replace starts with Placeholder.

var termScaffold = template.Must(template.New("term").Parse(`---
title: {{.Title}}
# summary (required): the short definition, one or two plain sentences.
summary: >-
  TODO: one or two sentences that define {{.Plain}}.
# slug: other-slug                # the URL; default: the file name
# abbreviations: [NHI]            # short forms, matched case-sensitively
# synonyms: [other name]          # other names readers search for
# redirects: [old-slug]           # old URLs that must keep working
# category: Credentials           # one category
# tags: [secrets]
# related: [service-account]      # slugs or titles of other terms ("see also")
# broader: [identity]             # wider terms; their pages list this one as narrower
# examples:                       # Markdown, one item per example
#   - A job calls an API with a key scoped to one [[Service Account]].
# incidents: [incident-slug]      # files in content/incidents/
# mappings:                       # standards and framework alignment
#   - framework: owasp-nhi-top-10 # a file in content/frameworks/
#     control: NHI2               # optional: one control of it
#     relevance: Why this term matters for that control.
# takeaway: One line for the reader to remember.
# sources:                        # a source for every statistic and claim
#   - title: Report title
#     publisher: Publisher
#     url: https://example.org/report
#     date: {{.Date}}
#     id: report                  # cite it in the text as [@report]
# definitions:                    # definitions quoted from other bodies
#   - text: The quoted definition.
#     source: {title: Standard, url: https://example.org/standard}
#     context: Where this definition applies
# author: Your name               # defaults to the site's default_author
updated: {{.Date}}
# reviewed: {by: Editorial team, on: {{.Date}}}
# review_every: 6m                # overrides the site's review_every
# deprecated: true                # kept for old links, no longer recommended
# replaced_by: other-term         # with deprecated: the term to use instead
draft: true                       # remove when ready to publish
# autolink: false                 # never auto-link mentions of this term
#
# Below: the expanded definition in Markdown. Link other terms, incidents
# and controls with [[Title]], [[slug|label]] or [[framework-id/CONTROL]].
---
TODO: the expanded definition.

## Why it matters

TODO: why it matters for the security of non-human identities.
`))

var incidentScaffold = template.Must(template.New("incident").Parse(`---
title: {{.Title}}
# date (required): the day it happened or was disclosed, YYYY-MM-DD.
date: {{.Date}}
# summary (required): one or two sentences; Markdown and [[links]] allowed.
summary: >-
  TODO: what happened to {{.Plain}}, in one or two sentences.
# slug: other-slug                # the URL; default: the file name
# sources:
#   - title: Write-up title
#     publisher: Publisher
#     url: https://example.org/write-up
#     date: {{.Date}}
# tags: [leak]
draft: true                       # remove when ready to publish
#
# Below: what happened, which credentials were involved, and what others
# can learn from it. Link the terms involved with [[Title]].
---
TODO: what happened.
`))

// A framework has no draft state and nothing required but its name, so
// its scaffold writes no placeholder: everything else is commented.
var frameworkScaffold = template.Must(template.New("framework").Parse(`# A framework. Its id is this file's name; terms map to it with
#   mappings: [{framework: ID, control: CONTROL-ID, relevance: ...}]
# and [[ID/CONTROL-ID]] links to one of its controls.
name: {{.Title}}
# short: Short name                 # shown in tables; default: the name
# version: "1.0"                    # quoted, or YAML reads a number
# url: https://example.org/framework
# description: >-                   # Markdown
#   What the framework is for.
# controls:                         # optional; ids unique within the framework
#   - id: AC-1
#     title: The control's title    # optional
#     url: https://example.org/framework/ac-1
#     description: What the control asks for (Markdown).
`))
