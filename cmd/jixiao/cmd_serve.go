package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/url"
	"os"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/index"
	"github.com/jixiao/jixiao/web"
	"github.com/jixiao/jixiao/web/local"
)

// serveOptions are the flags of serve.
type serveOptions struct {
	Addr      string
	Token     string
	Reviewers string // file of reviewers and their tokens
}

// newServeCommand builds `jixiao serve`.
func newServeCommand(gopts *globalOptions) *cobra.Command {
	var opts serveOptions
	cmd := &cobra.Command{
		Use:   "serve [--addr 127.0.0.1:8080] [--token T]",
		Short: "在浏览器中检索和审核 (review in the browser)",
		Long: `serve 在本机提供审核网页：检索（按年度、单位、规则筛选，按预算范围），
查看报告的项目表与原文、每个问题的依据，确认或排除问题并写明理由，导出 CSV / XLSX。
同样的数据也可由 /api/ 下的 JSON 接口取得。

默认只监听本机地址（127.0.0.1）。监听其他地址须用 --token 设置访问令牌：
浏览器打开一次 http://地址/?token=令牌 即可，程序可用请求头 Authorization: Bearer 令牌。
令牌也可由环境变量 JIXIAO_TOKEN 给出（不出现在进程列表中）。

导入（/upload）：在网页上选择或拖入文件、文件夹，逐个上传并入库，规则与 ingest 相同
（去重、断点续传、PDF 在子进程中解析、大小限制），每个文件显示进度和结果或失败原因；
文件保存在语料库目录的 uploads 中。图表（/charts）：各单位逐年的预算与执行、问题数，
按规则、按单位的问题数和执行率分布。单位筛选中写“衡山县/”即选该县及所属单位。

每个审核结论都记下审核人：在本机地址上，网页问一次姓名并记住（cookie）；
用 --reviewers 文件（每行“姓名 令牌”）时，每位审核人用自己的令牌访问，姓名由令牌确定。

serve 运行期间，其他 jixiao 进程照常工作：ingest、review、reextract 与网页一同写入语料库，
search 经由语料库目录中的套接字（serve.sock）交给 serve 检索，新入库的报告由 serve 建立索引；
list、show、export 照常读取。只有 index rebuild 须等 serve 停止。按 Ctrl+C 停止。

--corpus 须指向已有的语料库（先用 jixiao ingest 建立）：写错的路径会报错，不会新建空语料库。`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runServe(cmd.Context(), opts, *gopts, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Addr, "addr", "127.0.0.1:8080", "监听地址 (listen address)")
	f.StringVar(&opts.Token, "token", os.Getenv("JIXIAO_TOKEN"),
		"访问令牌；监听非本机地址时必须 (access token; required beyond loopback; env JIXIAO_TOKEN)")
	f.StringVar(&opts.Reviewers, "reviewers", "",
		"审核人文件：每行“姓名 令牌”，每位审核人用自己的令牌访问，结论记在其名下 (reviewers file: NAME TOKEN a line)")
	return cmd
}

// runServe holds the corpus and its index open and serves the web page
// until ctx is cancelled (Ctrl+C), then shuts down and closes both.
func runServe(ctx context.Context, opts serveOptions, gopts globalOptions, stdout, stderr io.Writer) error {
	var reviewers []web.Reviewer
	if opts.Reviewers != "" {
		f, err := os.Open(opts.Reviewers)
		if err != nil {
			return &exitError{code: 2, err: fmt.Errorf("审核人文件: %w", err)}
		}
		reviewers, err = web.ReadReviewers(f)
		f.Close()
		if err != nil {
			return &exitError{code: 2, err: fmt.Errorf("%s: %w", opts.Reviewers, err)}
		}
	}
	guarded := opts.Token
	if guarded == "" && len(reviewers) > 0 {
		guarded = reviewers[0].Token
	}
	if err := web.CheckAddr(opts.Addr, guarded); err != nil {
		return &exitError{code: 2, err: err}
	}
	store, err := gopts.openServeCorpus()
	if err != nil {
		return err
	}
	defer store.Close()
	ix, err := index.Open(store.IndexPath(), gopts.indexWait())
	if errors.Is(err, index.ErrInUse) {
		return &exitError{code: 2, err: fmt.Errorf("%w：请等另一个 jixiao 进程结束后再试", err)}
	}
	if err != nil {
		return err
	}
	closed := false
	closeIndex := func() error {
		if closed {
			return nil
		}
		closed = true
		return ix.Close()
	}
	defer closeIndex()
	// Reports a killed ingest left unindexed are searchable too.
	if n, err := index.NewSync(store, ix).Pending(ctx); err != nil {
		fmt.Fprintf(stderr, "jixiao: 警告：补建检索索引失败（%v）\n", err)
	} else if n > 0 {
		fmt.Fprintf(stdout, "已补建 %d 份报告的检索索引\n", n)
	}
	srv, err := web.New(store, ix, web.Options{Token: opts.Token, Reviewers: reviewers,
		Logger: slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))})
	if err != nil {
		return err
	}
	sock, err := local.ListenSocket(store.Dir())
	if errors.Is(err, local.ErrServing) {
		return &exitError{code: 2, err: err}
	}
	if err != nil {
		// Without the socket the page still works; the CLI's search waits
		// for the index as before.
		fmt.Fprintf(stderr, "jixiao: 警告：%v；命令行的 search 在 serve 运行期间将无法使用检索索引\n", err)
	}
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		if sock != nil {
			sock.Close()
		}
		return &exitError{code: 2, err: fmt.Errorf("无法监听 %s: %w", opts.Addr, err)}
	}
	if len(reviewers) > 0 && opts.Token == "" {
		fmt.Fprintf(stdout, "jixiao serve：%d 位审核人，各自打开 %s?token=自己的令牌\n", len(reviewers), serveURL(ln.Addr(), opts.Addr, ""))
	} else {
		fmt.Fprintf(stdout, "jixiao serve：请在浏览器中打开 %s\n", serveURL(ln.Addr(), opts.Addr, opts.Token))
	}
	fmt.Fprintf(stdout, "语料库 %s：其他 jixiao 进程的 ingest、review、search、export 照常可用"+
		"（search 经由 serve 检索，新入库的报告由 serve 建立索引）。按 Ctrl+C 停止。\n", store.Dir())
	// The socket and the indexing stop with the page, whatever stops it.
	ictx, stopIndexing := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); srv.KeepIndexed(ictx, keepIndexedEvery) }()
	errc := make(chan error, 1)
	if sock != nil {
		wg.Add(1)
		go func() { defer wg.Done(); errc <- web.Serve(ictx, sock, srv.Local()) }()
	}
	err = web.Serve(ctx, ln, srv)
	stopIndexing()
	wg.Wait()
	if sock != nil {
		if serr := <-errc; err == nil {
			err = serr
		}
	}
	if err != nil {
		return err
	}
	if err := closeIndex(); err != nil {
		return fmt.Errorf("关闭检索索引: %w", err)
	}
	if err := store.Close(); err != nil {
		return fmt.Errorf("关闭语料库: %w", err)
	}
	fmt.Fprintln(stdout, "jixiao serve：已停止，语料库和检索索引已关闭")
	return nil
}

// keepIndexedEvery is how often serve looks for reports other processes
// stored unindexed.
const keepIndexedEvery = 3 * time.Second

// openServeCorpus opens an existing corpus for serving: without the writer
// lock (the CLI writes beside the page), never creating one (a typo in
// --corpus is an error naming the path).
func (g globalOptions) openServeCorpus() (*corpus.Store, error) {
	s, err := corpus.OpenOptions(g.Corpus, corpus.Options{Shared: true, MustExist: true})
	if errors.Is(err, corpus.ErrNoCorpus) {
		return nil, &exitError{code: 2, err: err}
	}
	return s, err
}

// serveURL is the address to open: the port actually bound, the host asked
// for (127.0.0.1 for all interfaces), and the token when there is one.
func serveURL(bound net.Addr, asked, token string) string {
	host, _, _ := net.SplitHostPort(asked)
	_, port, _ := net.SplitHostPort(bound.String())
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		host = "127.0.0.1"
	}
	u := url.URL{Scheme: "http", Host: net.JoinHostPort(host, port), Path: "/"}
	if token != "" {
		u.RawQuery = url.Values{"token": {token}}.Encode()
	}
	return u.String()
}
