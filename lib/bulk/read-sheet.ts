import 'server-only';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { promisify } from 'node:util';
import { inflateRaw } from 'node:zlib';
import { MAX_BULK_ROWS, parseCsv } from '@/domain/bulk-order';
import { entryDataOffset, readZipDirectory, type ZipEntry } from '@/domain/zip-directory';
import { AppError } from '@/lib/errors';

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
/** The worker that parses a sheet may use this much heap, and this long, before it is stopped. */
const WORKER_HEAP_MB = 128;
const WORKER_TIMEOUT_MS = 15_000;
const inflate = promisify(inflateRaw);

/** A spreadsheet that cannot be read, with its Chinese reason (shown beside the file field). */
export class SheetError extends AppError {
  constructor(message: string) {
    super('invalid_input', message, { file: message });
  }
}

/**
 * Reads an uploaded .xlsx or .csv into text rows. The type is decided by the bytes, not the name;
 * macros, formulas, other types and files over 5 MB or 5,000 rows are refused with a Chinese message.
 * An .xlsx is checked from its ZIP directory before anything is unpacked (domain/zip-directory), its
 * declared sizes are checked while inflating off the event loop, and its rows are read in a worker with a
 * memory limit that stops at row 5,001. A decompression bomb is refused in milliseconds (bench/zip-bomb.ts).
 */
export async function readSheet(file: File, opts: { columns?: number } = {}): Promise<string[][]> {
  if (file.size === 0) throw new SheetError('文件是空的');
  if (file.size > MAX_UPLOAD_BYTES) throw new SheetError('文件不能超过 5 MB');
  const bytes = Buffer.from(await file.arrayBuffer());
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (isZip) return readXlsx(bytes, Math.min(opts.columns ?? 5, 10));
  if (bytes.includes(0)) throw new SheetError('只支持 .xlsx 或 .csv 文件');
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.includes('\uFFFD')) throw new SheetError('CSV 文件须为 UTF-8 编码（Excel 另存为“CSV UTF-8”）');
  return parseCsv(text);
}

async function readXlsx(bytes: Buffer, columns: number): Promise<string[][]> {
  const macros = new SheetError('文件含有宏，出于安全原因不能导入');
  if (bytes.includes(Buffer.from('vbaProject'))) throw macros;
  const dir = readZipDirectory(bytes);
  if (!dir.ok) throw new SheetError(dir.error);
  if (dir.entries.some((e) => /vbaProject|activeX/i.test(e.name))) throw macros;
  await checkDeclaredSizes(bytes, dir.entries);
  const r = await readRowsInWorker(bytes, columns);
  if (r.tooMany) throw new SheetError(`一次最多 ${MAX_BULK_ROWS} 行`);
  if (r.formulaRow) throw new SheetError(`第 ${r.formulaRow} 行含有公式，请把公式转换为数值后再导入`);
  return r.rows;
}

/** Every entry must unpack to exactly the size its directory declares (inflated in the thread pool, bounded). */
async function checkDeclaredSizes(bytes: Buffer, entries: ZipEntry[]): Promise<void> {
  const bad = new SheetError('文件内容与其目录不符，可能已损坏，请另存为 .xlsx 后重试');
  for (const e of entries) {
    const start = entryDataOffset(bytes, e);
    if (start < 0) throw bad;
    const data = bytes.subarray(start, start + e.compressedSize);
    if (e.method === 0) {
      if (e.compressedSize !== e.uncompressedSize) throw bad;
      continue;
    }
    let out: Buffer;
    try {
      out = await inflate(data, { maxOutputLength: Math.max(1, e.uncompressedSize) });
    } catch {
      throw bad;
    }
    if (out.byteLength !== e.uncompressedSize) throw bad;
  }
}

type WorkerResult = { ok: true; rows: string[][]; formulaRow: number; tooMany?: boolean } | { ok: false };

function readRowsInWorker(
  bytes: Buffer,
  columns: number,
): Promise<{ rows: string[][]; formulaRow: number; tooMany?: boolean }> {
  const unreadable = new SheetError('无法读取该 Excel 文件，请另存为 .xlsx 后重试');
  return new Promise((resolve, reject) => {
    const worker = new Worker(join(process.cwd(), 'lib/bulk/sheet-worker.mjs'), {
      workerData: { bytes: new Uint8Array(bytes), maxRows: MAX_BULK_ROWS + 1, columns },
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 32 },
    });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new SheetError('文件过大或过于复杂，请减少行数或分批导入'));
    }, WORKER_TIMEOUT_MS);
    const done = () => {
      clearTimeout(timer);
      void worker.terminate();
    };
    worker.once('message', (m: WorkerResult) => {
      done();
      if (m.ok) resolve(m);
      else reject(unreadable);
    });
    // Out of memory (ERR_WORKER_OUT_OF_MEMORY) or any other failure inside the worker.
    worker.once('error', () => {
      done();
      reject(unreadable);
    });
  });
}
