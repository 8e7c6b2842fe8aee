package main

import (
	"context"
	"slices"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/validate"
)

// Completion that knows the values: rule ids from the catalogue, the export
// formats, and report ids, units and years from the corpus named by
// --corpus. A corpus that cannot be opened completes nothing, quietly.

// completeReviewArgs completes review's arguments: a report id, then a rule id.
func completeReviewArgs(gopts *globalOptions) completer {
	return func(c *cobra.Command, args []string, prefix string) ([]string, cobra.ShellCompDirective) {
		if len(args) == 0 {
			return completeReportArg(gopts, 0)(c, args, prefix)
		}
		if len(args) == 1 {
			return completeRules(c, args, prefix)
		}
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
}

// registerCorpusCompletion completes --unit and --year of c from the corpus.
func registerCorpusCompletion(c *cobra.Command, gopts *globalOptions) {
	registerCompletion(c, "unit", completeUnits(gopts))
	registerCompletion(c, "year", completeYears(gopts))
}

type completer = func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective)

func registerCompletion(c *cobra.Command, flag string, f completer) {
	if c.Flags().Lookup(flag) != nil {
		c.RegisterFlagCompletionFunc(flag, f)
	}
}

func fixed(values ...string) completer {
	return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return values, cobra.ShellCompDirectiveNoFileComp
	}
}

func completeRules(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	var ids []string
	for _, r := range validate.Rules() {
		ids = append(ids, r.ID)
	}
	return ids, cobra.ShellCompDirectiveNoFileComp
}

// stored lists the reports of the corpus, or nothing.
func stored(gopts *globalOptions) []corpus.ReportSummary {
	s, err := gopts.openCorpusReader()
	if err != nil {
		return nil
	}
	defer s.Close()
	list, _ := s.List(context.Background(), corpus.Filter{})
	return list
}

func completeUnits(gopts *globalOptions) completer {
	return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		var units []string
		for _, r := range stored(gopts) {
			if r.Unit != "" && !slices.Contains(units, r.Unit) {
				units = append(units, r.Unit)
			}
		}
		slices.Sort(units)
		return units, cobra.ShellCompDirectiveNoFileComp
	}
}

func completeYears(gopts *globalOptions) completer {
	return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		var years []string
		for _, r := range stored(gopts) {
			if y := strconv.Itoa(r.Year); r.Year != 0 && !slices.Contains(years, y) {
				years = append(years, y)
			}
		}
		slices.Sort(years)
		return years, cobra.ShellCompDirectiveNoFileComp
	}
}

// completeReportArg completes the argument at position n with report ids,
// each described by its unit, year and title.
func completeReportArg(gopts *globalOptions, n int) completer {
	return func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
		if len(args) != n {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		var out []string
		for _, r := range stored(gopts) {
			out = append(out, r.ID+"\t"+r.Unit+" "+strconv.Itoa(r.Year)+" "+r.Title)
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}
