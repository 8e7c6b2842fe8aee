package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/user"
	"strings"

	"github.com/spf13/cobra"

	"github.com/jixiao/jixiao/corpus"
)

// reviewOptions are the flags of review.
type reviewOptions struct {
	Items   string
	Confirm bool
	Dismiss bool
	Clear   bool
	Note    string
	By      string // the reviewer
}

// newReviewCommand builds `jixiao review`.
func newReviewCommand(gopts *globalOptions) *cobra.Command {
	var opts reviewOptions
	cmd := &cobra.Command{
		Use:   "review REPORT RULE [--items 17,18] --confirm|--dismiss|--clear [--note 说明]",
		Short: "记录对一个问题的审核结论 (record a review decision on a finding)",
		Long: `review 记录审核人员对报告中一个问题的结论：--confirm 确认是问题，--dismiss 排除（请用 --note 说明理由），
--clear 撤销结论。RULE 是规则编号（如 total-mismatch），--items 是问题涉及的项目序号；
也可以直接给出 show 列出的问题键（如 unmatched-item:17,18 或 amount-unparsed#2）。
重新提取后同一问题再次出现时，结论仍然有效。`,
		Args: exactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runReview(cmd.Context(), opts, *gopts, args[0], args[1], cmd.OutOrStdout())
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Items, "items", "", "问题涉及的项目序号，逗号分隔 (item seqs, e.g. 17,18)")
	f.BoolVar(&opts.Confirm, "confirm", false, "确认是问题 (confirm)")
	f.BoolVar(&opts.Dismiss, "dismiss", false, "排除，不是问题 (dismiss)")
	f.BoolVar(&opts.Clear, "clear", false, "撤销结论 (clear the decision)")
	f.StringVar(&opts.Note, "note", "", "说明 (note)")
	f.StringVar(&opts.By, "by", defaultReviewer(), "审核人姓名，记入审核记录；默认取环境变量 JIXIAO_REVIEWER 或登录名 (reviewer)")
	registerCompletion(cmd, "rule", completeRules)
	cmd.ValidArgsFunction = completeReviewArgs(gopts)
	return cmd
}

func runReview(ctx context.Context, opts reviewOptions, gopts globalOptions, ref, rule string, stdout io.Writer) error {
	n := 0
	for _, b := range []bool{opts.Confirm, opts.Dismiss, opts.Clear} {
		if b {
			n++
		}
	}
	if n != 1 {
		return usageError("须且只能给出 --confirm、--dismiss、--clear 之一")
	}
	key := rule
	if !strings.ContainsAny(rule, ":#") {
		items, err := corpus.ParseItems(opts.Items)
		if err != nil {
			return usageError("--items %q: %v", opts.Items, err)
		}
		key = corpus.FindingKey(rule, items)
	} else if opts.Items != "" {
		return usageError("问题键 %s 已含项目序号，不能再给 --items", rule)
	}
	s, err := gopts.openExistingCorpus()
	if err != nil {
		return err
	}
	defer s.Close()
	id, err := resolveReport(ctx, s, ref)
	if err != nil {
		return err
	}
	if opts.Clear {
		if _, err := s.Review(ctx, []corpus.FindingRef{{Report: id, Key: key}}, corpus.Action{Verdict: corpus.Cleared, Author: opts.By}); err != nil {
			return err
		}
		if !gopts.Quiet {
			fmt.Fprintf(stdout, "已撤销报告 %s 的问题 %s 的审核结论\n", id, key)
		}
		return nil
	}
	v := corpus.Confirmed
	if opts.Dismiss {
		v = corpus.Dismissed
	}
	_, err = s.Review(ctx, []corpus.FindingRef{{Report: id, Key: key}}, corpus.Action{Verdict: v, Note: opts.Note, Author: opts.By})
	if errors.Is(err, corpus.ErrNoFinding) {
		r, gerr := s.Get(ctx, id)
		if gerr != nil {
			return gerr
		}
		return &exitError{code: 2, err: fmt.Errorf("%w；报告 %s 的问题键有：%s", err, id, orDash(strings.Join(r.Keys, " ")))}
	}
	if err != nil {
		return err
	}
	if !gopts.Quiet {
		fmt.Fprintf(stdout, "已记录：报告 %s 的问题 %s → %s\n", id, key, v.Label())
	}
	return nil
}

// defaultReviewer is who decides on the command line: $JIXIAO_REVIEWER, else
// the login name.
func defaultReviewer() string {
	if n := strings.TrimSpace(os.Getenv("JIXIAO_REVIEWER")); n != "" {
		return n
	}
	if u, err := user.Current(); err == nil {
		return u.Username
	}
	return ""
}
