package main

import (
	"strings"

	"github.com/spf13/cobra"
)

// usageTemplate is cobra's usage template with its headings in Chinese
// (English beside them); command names, flags and rule ids stay as they are.
const usageTemplate = `用法 (Usage):{{if .Runnable}}
  {{.UseLine | zhUse}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [命令]{{end}}{{if gt (len .Aliases) 0}}

别名 (Aliases):
  {{.NameAndAliases}}{{end}}{{if .HasExample}}

示例 (Examples):
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}

命令 (Commands):{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

选项 (Flags):
{{.LocalFlags.FlagUsages | zhFlags | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableInheritedFlags}}

全局选项 (Global Flags):
{{.InheritedFlags.FlagUsages | zhFlags | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableSubCommands}}

用 "{{.CommandPath}} [命令] --help" 查看命令的说明 (more about a command).{{end}}
`

func init() {
	cobra.AddTemplateFunc("zhUse", func(s string) string { return strings.Replace(s, " [flags]", " [选项]", 1) })
	cobra.AddTemplateFunc("zhFlags", func(s string) string { return strings.ReplaceAll(s, " (default ", " (默认 ") })
}

// localizeCommands gives root and its commands the Chinese usage template,
// flag errors, and help and completion commands described in Chinese.
func localizeCommands(cmdRoot *cobra.Command) {
	cmdRoot.SetUsageTemplate(usageTemplate)
	cmdRoot.SetVersionTemplate("jixiao {{.Version}}\n")
	cmdRoot.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageError("%s\n用 %s --help 查看用法 (see --help)", flagError(err), c.CommandPath())
	})
	cmdRoot.InitDefaultHelpCmd()
	cmdRoot.InitDefaultCompletionCmd()
	cmdRoot.InitDefaultVersionFlag()
	if f := cmdRoot.Flags().Lookup("version"); f != nil {
		f.Usage = "显示版本和提取器版本 (version, with the extractor version)"
	}
	for _, c := range cmdRoot.Commands() {
		switch c.Name() {
		case "help":
			c.Short = "显示命令的帮助 (help about a command)"
		case "completion":
			c.Short = "生成命令行补全脚本 (shell completion: bash, zsh, fish, powershell)"
		}
	}
	localizeHelpFlags(cmdRoot)
}

// localizeHelpFlags gives every command's --help flag a Chinese description.
func localizeHelpFlags(c *cobra.Command) {
	c.InitDefaultHelpFlag()
	if f := c.Flags().Lookup("help"); f != nil {
		f.Usage = "显示 " + c.Name() + " 的帮助 (help)"
	}
	for _, sub := range c.Commands() {
		localizeHelpFlags(sub)
	}
}

// flagError says a flag error of pflag in Chinese, keeping the flag named.
func flagError(err error) string {
	msg := err.Error()
	for _, t := range []struct{ en, zh string }{
		{"unknown shorthand flag: ", "未知的选项 (unknown flag): "},
		{"unknown flag: ", "未知的选项 (unknown flag): "},
		{"flag needs an argument: ", "选项缺少值 (flag needs a value): "},
		{"invalid argument ", "选项的值无效 (invalid value) "},
		{"bad flag syntax: ", "选项写法有误 (bad flag syntax): "},
	} {
		if rest, ok := strings.CutPrefix(msg, t.en); ok {
			return t.zh + rest
		}
	}
	return msg
}

// exactArgs and the others below check the number of arguments like cobra's
// validators, saying so in Chinese.
func exactArgs(n int) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) != n {
			return usageError("%s 需要 %d 个参数，给了 %d 个 (accepts %d arg(s), received %d)\n用法: %s", c.CommandPath(), n, len(args), n, len(args), c.UseLine())
		}
		return nil
	}
}

func minimumArgs(n int) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) < n {
			return usageError("%s 至少需要 %d 个参数 (requires at least %d arg(s))\n用法: %s", c.CommandPath(), n, n, c.UseLine())
		}
		return nil
	}
}

func maximumArgs(n int) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) > n {
			return usageError("%s 最多接受 %d 个参数，给了 %d 个 (accepts at most %d arg(s), received %d)\n用法: %s", c.CommandPath(), n, len(args), n, len(args), c.UseLine())
		}
		return nil
	}
}

func noArgs(c *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usageError("%s 不接受参数，给了 %q (accepts no arguments)", c.CommandPath(), strings.Join(args, " "))
	}
	return nil
}
