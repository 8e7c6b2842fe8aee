// Package fuzzbudget gives the module's slow fuzz targets a minimisation
// budget. Go minimises every input that finds new coverage for 60 s by
// default and reports no progress meanwhile: a target whose inputs cost
// milliseconds (the whole extractor, a PDF, a search) then spends its minutes
// minimising and runs a few dozen inputs, and seems to stall. A budget of
// some hundred runs per input keeps the minimised inputs small and the
// fuzzer exploring.
package fuzzbudget

import "flag"

// Runs is the minimisation budget per new input.
const Runs = "200x"

// Set gives the fuzzing run the budget unless -fuzzminimizetime was given.
// Call it in a Fuzz function before f.Fuzz: the coordinator reads the flag
// there (the workers are told the budget by it).
func Set() {
	given := false
	flag.Visit(func(f *flag.Flag) { given = given || f.Name == "test.fuzzminimizetime" })
	if !given {
		flag.Set("test.fuzzminimizetime", Runs)
	}
}
