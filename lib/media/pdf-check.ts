import 'server-only';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, type PDFObject } from 'pdf-lib';

/**
 * A certificate scan sent as PDF is accepted only if a real PDF parser (pdf-lib) reads it, with its names
 * decoded (`/J#61vaScript` is /JavaScript) and its compressed object streams unpacked, and no object in it
 * is active content: JavaScript, any action (open action, additional actions, links, launch, submit),
 * embedded or attached files, forms (AcroForm, XFA, widgets) or rich media. Encrypted PDFs are refused
 * (their contents cannot be checked). As a second net, the raw text outside stream data, with `#xx`
 * escapes decoded, must not name any of these either (for objects a lenient parser might skip; stream data
 * is left out because compressed image bytes contain any sequence by chance).
 */
const ACTIVE_KEYS = new Set([
  'JS',
  'JavaScript',
  'OpenAction',
  'AA',
  'Launch',
  'EmbeddedFile',
  'EmbeddedFiles',
  'EF',
  'AcroForm',
  'XFA',
  'RichMedia',
  'RichMediaExecute',
]);
const ACTIVE_NAMES = new Set([
  'JavaScript',
  'Launch',
  'Action',
  'SubmitForm',
  'ResetForm',
  'ImportData',
  'GoToR',
  'GoToE',
  'URI',
  'Rendition',
  'Movie',
  'Sound',
  'RichMedia',
  'RichMediaExecute',
  'EmbeddedFile',
  'FileAttachment',
  'Widget',
  'Screen',
]);
const RAW =
  /\/(JavaScript|JS|Launch|EmbeddedFiles?|OpenAction|AA|AcroForm|XFA|RichMedia|SubmitForm|ImportData)(?![A-Za-z0-9])/;

const name = (n: PDFName) => n.decodeText();

function activeIn(obj: PDFObject | undefined, seen: Set<PDFObject>): boolean {
  if (!obj || seen.has(obj)) return false;
  seen.add(obj);
  if (obj instanceof PDFName) return ACTIVE_NAMES.has(name(obj));
  if (obj instanceof PDFArray) return obj.asArray().some((o) => activeIn(o, seen));
  const dict = obj instanceof PDFRawStream ? obj.dict : obj instanceof PDFDict ? obj : null;
  if (!dict) return false;
  for (const [k, v] of dict.entries()) {
    if (ACTIVE_KEYS.has(name(k))) return true;
    if (!(v instanceof PDFRef) && activeIn(v, seen)) return true;
  }
  return false;
}

/** A Chinese reason to refuse the PDF, or null when it is a plain document. */
export async function pdfProblem(bytes: Uint8Array): Promise<string | null> {
  const refused = 'PDF 含有脚本、链接、表单或附件，请导出为普通 PDF 或拍照上传';
  const raw = Buffer.from(bytes)
    .toString('latin1')
    .replace(/stream\r?\n[\s\S]*?endstream/g, 'stream endstream')
    .replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  if (RAW.test(raw)) return refused;
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true });
    if (doc.getPageCount() < 1) return 'PDF 没有页面';
  } catch (e) {
    if (e instanceof Error && e.name === 'EncryptedPDFError') return '加密的 PDF 不能上传，请取消密码保护或拍照上传';
    return '无法读取该 PDF 文件，文件可能已损坏';
  }
  for (const [, obj] of doc.context.enumerateIndirectObjects()) if (activeIn(obj, new Set())) return refused;
  if (activeIn(doc.context.trailerInfo.Root, new Set())) return refused;
  return null;
}
