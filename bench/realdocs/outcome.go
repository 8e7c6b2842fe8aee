package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os/exec"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/pipeline"
)

// Outcome is what jixiao gave for one report of a document, read back from
// the JSON of `jixiao extract --json` and `jixiao validate --json` — the
// contract a user's script sees — so the scores measure exactly that.
type Outcome struct {
	Report   OutReport
	Findings []OutFinding
}

// OutReport holds the keys of the extract JSON that the truth checks.
type OutReport struct {
	DocType string `json:"doc_type"`
	Unit    string `json:"unit"`
	Year    int    `json:"year"`
	Title   string `json:"title"`
	Genre   string `json:"genre"`
	Stated  struct {
		TotalWan *decimal.Decimal `json:"total_wan"`
		Count    *int             `json:"count"`
	} `json:"stated"`
	Items []struct {
		Name         string           `json:"name"`
		BudgetWan    *decimal.Decimal `json:"budget_wan"`
		ActualWan    *decimal.Decimal `json:"actual_wan"`
		Disbursement string           `json:"disbursement"`
		Subprojects  int              `json:"subprojects"`
	} `json:"items"`
	Funds []struct {
		Row         string           `json:"row"`
		InitialWan  *decimal.Decimal `json:"initial_wan"`
		BudgetWan   *decimal.Decimal `json:"budget_wan"`
		ExecutedWan *decimal.Decimal `json:"executed_wan"`
		Weight      *decimal.Decimal `json:"weight"`
		Rate        *decimal.Decimal `json:"rate"`
		Score       *decimal.Decimal `json:"score"`
	} `json:"funds"`
	Indicators []struct {
		Level1 string           `json:"level1"`
		Level2 string           `json:"level2"`
		Level3 string           `json:"level3"`
		Target string           `json:"target"`
		Actual string           `json:"actual"`
		Weight *decimal.Decimal `json:"weight"`
		Score  *decimal.Decimal `json:"score"`
		Reason string           `json:"reason"`
	} `json:"indicators"`
	TotalScore *decimal.Decimal `json:"total_score"`
	Grade      string           `json:"grade"`
}

// OutFinding holds the keys of a validate finding that the truth checks.
type OutFinding struct {
	Rule     string           `json:"rule"`
	Severity string           `json:"severity"`
	Message  string           `json:"message"`
	Expected *decimal.Decimal `json:"expected"`
	Actual   *decimal.Decimal `json:"actual"`
	Diff     *decimal.Decimal `json:"diff"`
	Items    []int            `json:"items"`
}

// A Runner gives jixiao's outcomes for one file: one per report it holds.
type Runner func(ctx context.Context, path string) ([]Outcome, error)

// InProcess runs the packages the CLI runs (extract.ExtractAll: one outcome
// per report the file holds), and reads their results back through the
// same JSON encoding.
func InProcess(ctx context.Context, path string) ([]Outcome, error) {
	res := pipeline.File(ctx, path, pipeline.Options{})
	if res.Err != nil {
		return nil, res.Err
	}
	out := make([]Outcome, len(res.Parts))
	for i, p := range res.Parts {
		if err := roundTrip(p.Report, &out[i].Report); err != nil {
			return nil, err
		}
		if err := roundTrip(p.Findings, &out[i].Findings); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Binary runs a jixiao binary: `extract --json` and `validate --json` on the
// file, one JSON object per report, paired in order.
func Binary(bin string) Runner {
	return func(ctx context.Context, path string) ([]Outcome, error) {
		reps, err := jsonLines[OutReport](ctx, bin, "extract", "--json", path)
		if err != nil {
			return nil, err
		}
		type validated struct {
			Findings []OutFinding `json:"findings"`
		}
		vals, err := jsonLines[validated](ctx, bin, "validate", "--json", path)
		if err != nil {
			return nil, err
		}
		out := make([]Outcome, len(reps))
		for i := range reps {
			out[i].Report = reps[i]
			if i < len(vals) {
				out[i].Findings = vals[i].Findings
			}
		}
		return out, nil
	}
}

func jsonLines[T any](ctx context.Context, bin string, args ...string) ([]T, error) {
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if exit, ok := err.(*exec.ExitError); ok && exit.ExitCode() == 1 {
		err = nil // validate: error findings
	}
	if err != nil {
		return nil, fmt.Errorf("%s %v: %w: %s", bin, args, err, bytes.TrimSpace(stderr.Bytes()))
	}
	var out []T
	sc := bufio.NewScanner(&stdout)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var v T
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			return nil, fmt.Errorf("%s %v: %w", bin, args, err)
		}
		out = append(out, v)
	}
	return out, sc.Err()
}

func roundTrip(v, into any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, into)
}
