package ingest

import "sync"

// Reasons a file was not read, as stable English codes (like rule ids) with
// the Chinese label people see. The label is what Error.Reason holds and
// what the ledger has always stored; the code is what programs group and
// test by (JSON "code"), and it does not change when a label is reworded.
// Packages downstream (pipeline, corpus) register the reasons they add.
var (
	reasonMu     sync.RWMutex
	reasonCodes  = map[string]string{} // label → code
	reasonLabels = map[string]string{} // code → label
)

// RegisterReason adds a reason; each package calls it from init for the
// failures it names.
func RegisterReason(code, label string) {
	reasonMu.Lock()
	defer reasonMu.Unlock()
	reasonCodes[label] = code
	reasonLabels[code] = label
}

// ReasonCode is the code of a reason label, or "read-error" for a label
// nobody registered (a reason stored by an older version).
func ReasonCode(label string) string {
	reasonMu.RLock()
	defer reasonMu.RUnlock()
	if c, ok := reasonCodes[label]; ok {
		return c
	}
	return "read-error"
}

// ReasonLabel is the label of a code, or the code itself.
func ReasonLabel(code string) string {
	reasonMu.RLock()
	defer reasonMu.RUnlock()
	if l, ok := reasonLabels[code]; ok {
		return l
	}
	return code
}

// Code is the stable code of the reason.
func (e *Error) Code() string { return ReasonCode(e.Reason) }

// The reasons of this package.
const (
	ReasonOpen           = "无法打开 (cannot open)"
	ReasonRead           = "读取失败 (read error)"
	ReasonDirectory      = "是目录，不是文件 (a directory)"
	ReasonFIFO           = "是管道 (FIFO)，不是普通文件 (not a regular file)"
	ReasonSocket         = "是套接字，不是普通文件 (not a regular file)"
	ReasonDevice         = "是设备文件，不是普通文件 (not a regular file)"
	ReasonIrregular      = "不是普通文件 (not a regular file)"
	ReasonTooLarge       = "文件过大 (file too large)"
	ReasonNoText         = "没有可读的文字 (no text)"
	ReasonUnknown        = "无法识别的文件格式 (not PDF, DOCX, HTML or text)"
	ReasonDOCX           = "DOCX 无法读取"
	ReasonLegacy         = "旧版 Word/WPS 文件无法转换"
	ReasonLegacyDOCX     = "转换后的 DOCX 无法读取"
	ReasonHTML           = "HTML 无法读取"
	ReasonXLSX           = "Excel 工作簿无法读取 (unreadable workbook)"
	ReasonSheetConvert   = "旧版 Excel/WPS 或 OpenDocument 表格无法转换 (cannot convert .xls/.et/.ods)"
	ReasonSheetConverted = "转换后的工作簿无法读取 (converted workbook unreadable)"
	ReasonCSV            = "CSV 表格无法读取 (unreadable CSV)"
	ReasonPDF            = "PDF 无法读取 (unreadable PDF)"
	ReasonPDFPassword    = "PDF 需要密码，请用 --password 提供 (password required: use --password)"
	ReasonPDFWrongPwd    = "PDF 密码错误，请检查 --password (wrong password: check --password)"
	ReasonPDFOCR         = "PDF 没有文字层，需要 OCR (needs OCR)"
	ReasonPDFUndecode    = "PDF 文字层无法解码 (undecodable text layer)"
	ReasonPDFTimeout     = "PDF 处理超时 (timeout)"
	ReasonPDFMemory      = "PDF 内存超限 (memory limit)"
	ReasonPDFCrashed     = "PDF 解析进程异常退出 (parser crashed)"
	ReasonPDFDamaged     = "PDF 文件损坏 (damaged)"
	ReasonNotPDF         = "不是 PDF 文件 (not a PDF)"
	ReasonImageOCR       = "图像文件需要 OCR，请安装 Tesseract：apt-get install tesseract-ocr tesseract-ocr-chi-sim (needs OCR)"
	ReasonImageFailed    = "图像无法识别 (OCR failed)"
)

func init() {
	for code, label := range map[string]string{
		"cannot-open": ReasonOpen, "read-error": ReasonRead, "directory": ReasonDirectory, "fifo": ReasonFIFO,
		"socket": ReasonSocket, "device": ReasonDevice, "not-regular": ReasonIrregular, "too-large": ReasonTooLarge,
		"empty": ErrEmpty.Error(), "no-text": ReasonNoText, "unknown-format": ReasonUnknown, "docx-unreadable": ReasonDOCX,
		"legacy-unconvertible": ReasonLegacy, "legacy-docx-unreadable": ReasonLegacyDOCX, "html-unreadable": ReasonHTML,
		"size-limit": ReasonLimit, "timeout": ReasonTimeout, "reader-crashed": ReasonCrashed,
		"pdf-unreadable": ReasonPDF, "pdf-password-required": ReasonPDFPassword, "pdf-wrong-password": ReasonPDFWrongPwd,
		"pdf-needs-ocr": ReasonPDFOCR, "pdf-undecodable": ReasonPDFUndecode, "pdf-timeout": ReasonPDFTimeout,
		"pdf-memory-limit": ReasonPDFMemory, "pdf-crashed": ReasonPDFCrashed, "pdf-damaged": ReasonPDFDamaged, "not-pdf": ReasonNotPDF,
		"image-needs-ocr": ReasonImageOCR, "image-ocr-failed": ReasonImageFailed,
		"xlsx-unreadable": ReasonXLSX, "sheet-unconvertible": ReasonSheetConvert,
		"converted-sheet-unreadable": ReasonSheetConverted, "csv-unreadable": ReasonCSV,
	} {
		RegisterReason(code, label)
	}
}
