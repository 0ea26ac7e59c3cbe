// Command gencorpus writes the synthetic glossary the benchmarks build
// (see BENCHMARKS.md):
//
//	go run ./scripts/gencorpus -terms 10000 -out /tmp/corpus10k         # an nhiglossary site
//	go run ./scripts/gencorpus -terms 10000 -out /tmp/hugo10k -hugo     # the same content for Hugo
//	go run ./scripts/gencorpus -terms 10000 -out /tmp/s10k -abbreviations 3   # scripts/bench-search.sh's corpus
//
// The output depends only on -terms and -seed. An earlier corpus in -out
// is replaced; any other non-empty folder is refused.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/nhimg/nhiglossary/internal/benchcorpus"
)

func main() {
	var o benchcorpus.Options
	var out string
	flag.IntVar(&o.Terms, "terms", 1000, "number of terms")
	flag.Int64Var(&o.Seed, "seed", 1, "random seed")
	flag.BoolVar(&o.Hugo, "hugo", false, "write the same content as a Hugo site")
	flag.IntVar(&o.Abbreviations, "abbreviations", 0, "give this many terms an abbreviation (initials and X), for the search benchmark")
	flag.StringVar(&out, "out", "", "the folder to write (required)")
	flag.Parse()
	if out == "" || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := benchcorpus.Write(out, o); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
}
