// jixiao serve: the page a finding rests on, drawn from the original PDF by
// pdf.js (embedded, static/pdfjs), with the boxes of its evidence over it.
// The boxes come from the server (where the text layer drew each run of
// text, in PDF user space); pdf.js's viewport maps them onto the canvas,
// CropBox and /Rotate included. pdf.js is loaded on the first selection of
// evidence that lies on a page, not with the report page.

const view = document.getElementById('pdf-view');
const holder = document.getElementById('pdf-page');
const caption = document.getElementById('pdf-caption');
const status = document.getElementById('pdf-status');

let evidence = null; // the boxes of every target, once asked for
let loading = null;  // the pdf.js document, once asked for
let shown = 0;      // the latest selection: older renders stop drawing

function targets() {
  if (!evidence) {
    evidence = fetch(view.dataset.evidence, { headers: { Accept: 'application/json' } }).then((r) => {
      if (!r.ok) throw new Error('evidence ' + r.status);
      return r.json();
    });
    evidence.catch(() => { evidence = null; });
  }
  return evidence;
}

function pdfDocument(src) {
  if (!loading) {
    loading = import('/static/pdf.min.mjs').then((lib) => {
      lib.GlobalWorkerOptions.workerSrc = '/static/pdf.worker.min.mjs';
      return lib.getDocument({
        url: src,
        cMapUrl: '/static/', // the GB CMaps, for fonts that name a predefined CMap
        cMapPacked: true,
        isEvalSupported: false,
        disableRange: true, // one request: the server reads and checks the whole file for each
        disableStream: true,
        enableXfa: false,
      }).promise;
    });
    loading.catch(() => { loading = null; });
  }
  return loading;
}

async function show(ref) {
  const mine = ++shown;
  let data;
  try {
    data = await targets();
  } catch (err) {
    if (mine === shown) view.hidden = true;
    return;
  }
  const ev = data.targets[ref];
  if (mine !== shown) return;
  if (!ev) {
    view.hidden = true;
    return;
  }
  view.hidden = false;
  caption.textContent = '原件第 ' + ev.page + ' 页' +
    (data.source !== data.id ? '（同一报告的 PDF 文件 ' + data.file.split(/[\\/]/).pop() + '）' : '');
  status.textContent = '正在载入…';
  let doc;
  try {
    doc = await pdfDocument(data.original);
  } catch (err) {
    if (mine === shown) status.textContent = '原件无法载入（已移动或已修改）';
    return;
  }
  const page = await doc.getPage(ev.page);
  if (mine !== shown) return;
  const width = Math.max(holder.clientWidth, 320);
  const vp = page.getViewport({ scale: width / page.getViewport({ scale: 1 }).width });
  const ratio = window.devicePixelRatio || 1;
  const canvas = document.createElement('canvas');
  canvas.width = Math.floor(vp.width * ratio);
  canvas.height = Math.floor(vp.height * ratio);
  canvas.style.width = vp.width + 'px';
  canvas.style.height = vp.height + 'px';
  await page.render({
    canvas,
    canvasContext: canvas.getContext('2d'),
    viewport: vp,
    transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : null,
  }).promise;
  if (mine !== shown) return;
  const sheet = document.createElement('div');
  sheet.className = 'pdf-sheet';
  sheet.style.width = vp.width + 'px';
  sheet.style.height = vp.height + 'px';
  sheet.appendChild(canvas);
  let first = null;
  const figures = ev.boxes.some((b) => b.figure);
  for (const b of ev.boxes) {
    const [x0, y0, x1, y1] = vp.convertToViewportRectangle([b.x0, b.y0, b.x1, b.y1]);
    const box = document.createElement('div');
    box.className = 'pdf-box' + (b.figure ? ' figure' : '') + (figures && !b.figure ? ' context' : '');
    box.title = b.text;
    box.dataset.text = b.text;
    box.style.left = (Math.min(x0, x1) - 2) + 'px';
    box.style.top = (Math.min(y0, y1) - 2) + 'px';
    box.style.width = (Math.abs(x1 - x0) + 4) + 'px';
    box.style.height = (Math.abs(y1 - y0) + 4) + 'px';
    sheet.appendChild(box);
    if (!first && (b.figure || !figures)) first = box;
  }
  holder.replaceChildren(sheet);
  performance.mark('pdf-page-drawn', { detail: { page: ev.page, ref } });
  status.textContent = figures ? '实线框：所依据的数字；虚线框：其所在的文字'
    : ev.boxes.length ? '框出的是依据所在的文字'
    : '此页没有记下文字的位置（OCR 读出的页，或入库时尚未记录）：只显示所在页';
  if (first) holder.scrollTop = Math.max(0, first.offsetTop - holder.clientHeight / 3);
}

document.addEventListener('jixiao:select', (e) => { show(e.detail); });
const selected = document.querySelector('[data-target].selected');
if (selected) show(selected.getAttribute('data-target'));
