// jixiao serve: evidence selection and review decisions. The page is
// rendered by the server; this script only marks evidence, sends decisions
// and shows their outcome. Text from the server is only ever set with
// textContent, never parsed as HTML.
'use strict';

(function () {
  var verdictNames = { confirmed: '已确认', dismissed: '已排除' };

  function ready(fn) {
    if (document.readyState !== 'loading') fn();
    else document.addEventListener('DOMContentLoaded', fn);
  }

  function refsOf(el) {
    return (el.getAttribute('data-targets') || '').split(' ');
  }

  // select marks the evidence of ref in the text, the record or finding it
  // belongs to, and scrolls the text to the first piece of evidence.
  function select(ref, scroll) {
    var text = document.getElementById('doc-text');
    if (!text) return;
    document.querySelectorAll('.seg.active').forEach(function (e) { e.classList.remove('active'); });
    document.querySelectorAll('[data-target].selected').forEach(function (e) { e.classList.remove('selected'); });
    document.querySelectorAll('[data-target]').forEach(function (e) {
      if (e.getAttribute('data-target') === ref) e.classList.add('selected');
    });
    var segs = [];
    text.querySelectorAll('.seg').forEach(function (e) {
      if (refsOf(e).indexOf(ref) >= 0) {
        e.classList.add('active');
        segs.push(e);
      }
    });
    var status = document.getElementById('evidence-status');
    if (status) status.textContent = segs.length ? '' : '原文中没有可标出的依据';
    if (scroll && segs.length) scrollToEvidence(text, segs[0]);
    rememberSelection(ref);
    // The page viewer (evidence.js) draws the evidence on the PDF's page.
    document.dispatchEvent(new CustomEvent('jixiao:select', { detail: ref }));
  }

  function scrollToEvidence(pane, seg) {
    if (pane.scrollHeight > pane.clientHeight + 1) {
      var top = seg.getBoundingClientRect().top - pane.getBoundingClientRect().top + pane.scrollTop;
      pane.scrollTop = Math.max(0, top - pane.clientHeight / 3);
    } else {
      seg.scrollIntoView({ block: 'center' });
    }
  }

  // rememberSelection puts the selection in the address, so that a reload
  // or a copied link shows the same evidence.
  function rememberSelection(ref) {
    var owner = document.querySelector('[data-target="' + ref + '"]');
    if (!owner || !window.history.replaceState) return;
    var url = new URL(window.location.href);
    url.searchParams.delete('finding');
    url.searchParams.delete('item');
    url.searchParams.delete('tab'); // the selection implies its tab
    if (owner.hasAttribute('data-key')) url.searchParams.set('finding', owner.getAttribute('data-key'));
    else if (ref.charAt(0) === 'i') url.searchParams.set('item', ref.slice(1));
    window.history.replaceState(null, '', url.pathname + url.search);
  }

  function setupEvidence() {
    document.querySelectorAll('[data-target]').forEach(function (el) {
      el.addEventListener('click', function (ev) {
        if (ev.target.closest('form, a, button, textarea, input')) return;
        select(el.getAttribute('data-target'), true);
      });
      el.addEventListener('keydown', function (ev) {
        if (ev.key === 'Enter' && ev.target === el) select(el.getAttribute('data-target'), true);
      });
    });
    var text = document.getElementById('doc-text');
    if (text) {
      text.addEventListener('click', function (ev) {
        var seg = ev.target.closest('.seg');
        if (!seg) return;
        var refs = refsOf(seg);
        var ref = refs.find(function (r) { return r.charAt(0) === 'f'; }) || refs[0];
        if (!ref) return;
        select(ref, false);
        var owner = document.querySelector('[data-target="' + ref + '"]');
        if (!owner) return;
        var panel = owner.closest('.tab-panel[data-tab]');
        if (panel) showTab(panel.getAttribute('data-tab'));
        owner.scrollIntoView({ block: 'nearest' });
      });
    }
    var first = document.querySelector('[data-target].selected');
    if (first) {
      select(first.getAttribute('data-target'), true);
      first.scrollIntoView({ block: 'nearest' });
    }
  }

  function badge(verdict) {
    var span = document.createElement('span');
    span.className = 'review review-' + (verdict || 'pending');
    span.textContent = verdict ? verdictNames[verdict] || verdict : '待审核';
    return span;
  }

  // showReview puts a decision (or none) on a finding's card.
  function showReview(card, review) {
    var slot = card.querySelector('.review-slot');
    if (slot) slot.replaceChildren(badge(review && review.decision));
    var note = card.querySelector('.review-note');
    if (note) {
      note.querySelector('.note-text').textContent = review ? review.note : '';
      note.hidden = !(review && review.note);
    }
    var clear = card.querySelector('.clear');
    if (clear) clear.hidden = !review;
  }

  function send(form, method, body) {
    var status = form.querySelector('.status');
    var url = '/api/reports/' + encodeURIComponent(form.getAttribute('data-report')) +
      '/findings/' + encodeURIComponent(form.getAttribute('data-key')) + '/decision';
    status.textContent = '保存中…';
    status.className = 'status';
    form.querySelectorAll('button').forEach(function (b) { b.disabled = true; });
    return fetch(url, {
      method: method,
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (resp) {
      return resp.json().then(function (data) {
        if (!resp.ok) throw new Error(data && data.error ? data.error : '保存失败（' + resp.status + '）');
        return data;
      });
    }).then(function (data) {
      showReview(form.closest('.finding'), data.review);
      status.textContent = data.review ? '已保存' : '已撤销';
      status.className = 'status ok';
    }).catch(function (err) {
      status.textContent = err.message || '保存失败';
      status.className = 'status error';
    }).finally(function () {
      form.querySelectorAll('button').forEach(function (b) { b.disabled = false; });
    });
  }

  function setupDecisions() {
    document.querySelectorAll('form.decide').forEach(function (form) {
      form.addEventListener('submit', function (ev) {
        ev.preventDefault();
        var verdict = ev.submitter && ev.submitter.value;
        if (verdict !== 'confirmed' && verdict !== 'dismissed') return;
        send(form, 'POST', { decision: verdict, note: form.elements.note.value });
      });
      var clear = form.querySelector('.clear');
      if (clear) {
        clear.addEventListener('click', function () {
          send(form, 'DELETE').then(function () { form.elements.note.value = ''; });
        });
      }
    });
  }

  // Tabs of the report page: the server renders the one asked for; the
  // script switches without a reload and keeps the choice in the address.
  function showTab(name) {
    var found = false;
    document.querySelectorAll('.section-tabs a[data-tab]').forEach(function (a) {
      var on = a.getAttribute('data-tab') === name;
      a.classList.toggle('active', on);
      found = found || on;
    });
    if (!found) return false;
    document.querySelectorAll('.tab-panel[data-tab]').forEach(function (p) {
      p.classList.toggle('active', p.getAttribute('data-tab') === name);
    });
    return true;
  }

  function setupTabs() {
    document.querySelectorAll('.section-tabs a[data-tab]').forEach(function (a) {
      a.addEventListener('click', function (ev) {
        ev.preventDefault();
        var name = a.getAttribute('data-tab');
        if (!showTab(name) || !window.history.replaceState) return;
        var url = new URL(window.location.href);
        url.searchParams.set('tab', name);
        window.history.replaceState(null, '', url.pathname + url.search);
      });
    });
  }

  function postJSON(url, body) {
    return fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify(body)
    }).then(function (resp) {
      return resp.json().then(function (data) {
        if (!resp.ok) throw new Error(data && data.error ? data.error : '保存失败（' + resp.status + '）');
        return data;
      });
    });
  }

  // The findings list: pick findings (or take all the filter selects) and
  // decide on them at once, as the reviewer named in the bar.
  function setupBulk() {
    var form = document.getElementById('bulk');
    if (!form) return;
    var picks = function () { return Array.prototype.slice.call(document.querySelectorAll('input.pick')); };
    var count = document.getElementById('picked-count');
    var all = document.getElementById('pick-all');
    var status = document.getElementById('bulk-status');
    var update = function () {
      var n = picks().filter(function (p) { return p.checked; }).length;
      count.textContent = String(n);
      if (all) all.checked = n > 0 && n === picks().length;
      if (n > 0) form.elements.scope.value = 'selected';
    };
    picks().forEach(function (p) { p.addEventListener('change', update); });
    if (all) {
      all.addEventListener('change', function () {
        picks().forEach(function (p) { p.checked = all.checked; });
        update();
      });
    }
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var decision = ev.submitter && ev.submitter.value;
      if (!decision) return;
      var body = { decision: decision, note: form.elements.note.value };
      if (form.elements.scope.value === 'filter') {
        body.filter = form.getAttribute('data-query') || '';
      } else {
        body.findings = picks().filter(function (p) { return p.checked; }).map(function (p) {
          var row = p.closest('tr');
          return { report: row.getAttribute('data-report'), key: row.getAttribute('data-key') };
        });
        if (body.findings.length === 0) {
          status.textContent = '请先选中问题';
          status.className = 'bulk-status error';
          return;
        }
      }
      var name = document.getElementById('reviewer-input');
      var ready = Promise.resolve();
      if (name) {
        var v = name.value.trim();
        if (!v) {
          status.textContent = '请填写审核人姓名';
          status.className = 'bulk-status error';
          name.focus();
          return;
        }
        if (v !== name.getAttribute('data-saved')) {
          ready = postJSON('/api/reviewer', { name: v }).then(function () { name.setAttribute('data-saved', v); });
        }
      }
      status.textContent = '保存中…';
      status.className = 'bulk-status';
      form.querySelectorAll('button').forEach(function (b) { b.disabled = true; });
      ready.then(function () { return postJSON('/api/decisions', body); }).then(function (data) {
        status.textContent = '已记录 ' + data.applied + ' 条（' + data.author + '）';
        status.className = 'bulk-status ok';
        window.location.reload();
      }).catch(function (err) {
        status.textContent = err.message || '保存失败';
        status.className = 'bulk-status error';
        form.querySelectorAll('button').forEach(function (b) { b.disabled = false; });
      });
    });
  }

  function setupFilters() {
    document.querySelectorAll('select.autosubmit').forEach(function (sel) {
      sel.addEventListener('change', function () { sel.form.submit(); });
    });
  }

  // Upload: files chosen or dropped (folders too) are sent one after the
  // other as their bytes, each with its progress and, once ingested, its
  // outcome or the reason it failed.
  function setupUpload() {
    var zone = document.getElementById('dropzone');
    if (!zone) return;
    var table = document.getElementById('uploads');
    var body = table.querySelector('tbody');
    var summary = document.getElementById('upload-summary');
    var queue = [];
    var busy = false;
    var counts = { stored: 0, duplicate: 0, skipped: 0, failed: 0 };

    function cell(row, cls, text) {
      var td = document.createElement('td');
      if (cls) td.className = cls;
      if (text !== undefined) td.textContent = text;
      row.appendChild(td);
      return td;
    }
    function size(n) {
      if (n >= 1048576) return (n / 1048576).toFixed(1) + ' MB';
      if (n >= 1024) return (n / 1024).toFixed(1) + ' KB';
      return n + ' B';
    }
    function showSummary() {
      var left = queue.length + (busy ? 1 : 0);
      summary.textContent = '新入库 ' + counts.stored + '，内容重复 ' + counts.duplicate + '，已在库中 ' +
        counts.skipped + '，失败 ' + counts.failed + (left ? '；还有 ' + left + ' 个文件' : '');
    }
    function add(file, path) {
      var row = document.createElement('tr');
      row.className = 'upload';
      row.setAttribute('data-path', path);
      cell(row, 'name', path);
      cell(row, 'num', size(file.size));
      var bar = document.createElement('progress');
      bar.max = 100;
      bar.value = 0;
      cell(row, 'progress').appendChild(bar);
      cell(row, 'outcome', '等待');
      cell(row, 'report');
      body.appendChild(row);
      table.hidden = false;
      queue.push({ file: file, path: path, row: row, bar: bar });
    }
    function finish(job, data, failed) {
      var outcome = job.row.querySelector('.outcome');
      var report = job.row.querySelector('.report');
      job.bar.value = 100;
      var kind = failed ? 'failed' : data.outcome;
      if (counts[kind] !== undefined) counts[kind]++;
      job.row.setAttribute('data-outcome', kind);
      outcome.className = 'outcome outcome-' + kind;
      if (failed) {
        outcome.textContent = '失败：' + (data.reason || data.error || '');
        if (data.reason && data.error) outcome.title = data.error;
      } else {
        var label = data.label || data.outcome;
        if (data.copy) label += '（另一格式或印本）';
        if (data.superseded) label += '（替换旧版本 ' + data.superseded + ' 份）';
        outcome.textContent = label;
      }
      if (data.report) {
        var a = document.createElement('a');
        a.href = '/reports/' + encodeURIComponent(data.report);
        a.textContent = [data.unit, data.year ? String(data.year) : '', data.title].filter(Boolean).join(' ') || data.report;
        report.appendChild(a);
        if (data.findings) report.appendChild(document.createTextNode(' · ' + data.findings + ' 个问题'));
      }
    }
    function next() {
      if (busy) return;
      var job = queue.shift();
      if (!job) { showSummary(); return; }
      busy = true;
      showSummary();
      job.row.querySelector('.outcome').textContent = '上传中';
      var xhr = new XMLHttpRequest();
      xhr.open('POST', '/api/upload?path=' + encodeURIComponent(job.path));
      xhr.setRequestHeader('Content-Type', 'application/octet-stream');
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.upload.onprogress = function (ev) {
        if (ev.lengthComputable) job.bar.value = Math.round(ev.loaded * 90 / ev.total);
      };
      xhr.upload.onload = function () {
        job.bar.value = 90;
        job.row.querySelector('.outcome').textContent = '入库中';
      };
      xhr.onload = function () {
        var data = {};
        try { data = JSON.parse(xhr.responseText); } catch (e) { data = { error: '服务器答复无法读取（' + xhr.status + '）' }; }
        finish(job, data, xhr.status !== 200 || data.outcome === 'failed');
      };
      xhr.onerror = function () { finish(job, { error: '连接中断' }, true); };
      xhr.onloadend = function () { busy = false; next(); };
      xhr.send(job.file);
    }
    function addFiles(list) {
      Array.prototype.forEach.call(list, function (f) { add(f, f.webkitRelativePath || f.name); });
      next();
    }
    // readEntry collects the files under a dropped entry with their paths.
    function readEntry(entry, out) {
      if (entry.isFile) {
        return new Promise(function (resolve) {
          entry.file(function (f) { out.push({ file: f, path: entry.fullPath.replace(/^\//, '') }); resolve(); },
            function () { resolve(); });
        });
      }
      if (!entry.isDirectory) return Promise.resolve();
      var reader = entry.createReader();
      return new Promise(function (resolve) {
        var all = [];
        (function more() {
          reader.readEntries(function (batch) {
            if (!batch.length) {
              Promise.all(all.map(function (e) { return readEntry(e, out); })).then(resolve);
              return;
            }
            all = all.concat(Array.prototype.slice.call(batch));
            more();
          }, function () { resolve(); });
        })();
      });
    }
    ['upload-files', 'upload-folder'].forEach(function (id) {
      var input = document.getElementById(id);
      input.addEventListener('change', function () { addFiles(input.files); input.value = ''; });
    });
    zone.addEventListener('dragover', function (ev) { ev.preventDefault(); zone.classList.add('over'); });
    zone.addEventListener('dragleave', function () { zone.classList.remove('over'); });
    zone.addEventListener('drop', function (ev) {
      ev.preventDefault();
      zone.classList.remove('over');
      var items = ev.dataTransfer.items;
      var entries = items ? Array.prototype.map.call(items, function (it) { return it.webkitGetAsEntry && it.webkitGetAsEntry(); }) : [];
      if (!entries.length || entries.some(function (e) { return !e; })) {
        addFiles(ev.dataTransfer.files);
        return;
      }
      var out = [];
      Promise.all(entries.map(function (e) { return readEntry(e, out); })).then(function () {
        out.sort(function (a, b) { return a.path < b.path ? -1 : a.path > b.path ? 1 : 0; });
        out.forEach(function (x) { add(x.file, x.path); });
        next();
      });
    });
  }

  ready(function () {
    setupUpload();
    setupTabs();
    setupEvidence();
    setupDecisions();
    setupFilters();
    setupBulk();
  });
})();
