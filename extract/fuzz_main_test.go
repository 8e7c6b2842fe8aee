package extract

import (
	"flag"
	"os"
	"testing"
)

// TestMain gives fuzzing a minimisation budget unless one is asked for. Go
// minimises every input that finds new coverage for 60 s and reports nothing
// meanwhile; an input of the whole extractor costs milliseconds, so the
// target spent its minutes minimising and ran a few dozen inputs. 200 runs
// per input keep the minimised inputs small and the fuzzer exploring.
func TestMain(m *testing.M) {
	flag.Parse()
	set := false
	flag.Visit(func(f *flag.Flag) { set = set || f.Name == "test.fuzzminimizetime" })
	if !set {
		flag.Set("test.fuzzminimizetime", "200x")
	}
	os.Exit(m.Run())
}
