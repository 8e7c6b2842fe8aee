// Package web is the reviewers' web page over a corpus (jixiao serve):
// search with facets, a report beside its text with each finding's evidence
// highlighted, the findings across the corpus, review decisions and
// exports, and a JSON API under /api/ with the same data.
//
// Pages are rendered on the server with html/template; a small script
// (static/app.js) only selects evidence and sends decisions. Every asset comes
// from the embedded file system: no URL reaches the disk. Document text is
// untrusted and escaped everywhere; of the index's fragments only the
// <mark> tags are kept as markup.
//
//	srv, err := web.New(store, ix, web.Options{Token: token})
//	err = web.Serve(ctx, listener, srv)   // until ctx is cancelled, then a graceful shutdown
package web
