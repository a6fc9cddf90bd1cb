import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync, gzipSync } from 'node:zlib';
import { createCore, dispatch, type Core } from '../core';
import { accountRows, cancellationRows, deviceRows, reportContext } from '../core/reports/data';
import { generateDemo } from '../core/demo/generate';
import { openDatabase } from '../core/db/open';
import { DEFAULT_ZIP_LIMITS, prescanXlsx } from '../core/import/zip-prescan';
import { XlsxStreamWriter } from '../core/xlsx/stream-writer';

// `npm run bench`: figures, never assertions. Demo databases are cached in bench/cache between
// runs; every timing is the median of several runs; exports run in a fresh process each so their
// peak memory (maxRSS) is their own. Results are printed and written to bench/results.md.

type Size = 'unit' | 'district' | 'province';
const SIZES: Size[] = ['unit', 'district', 'province'];
const TODAY = '2024-01-20';

interface Row {
  what: string;
  size: Size | '—';
  median: number | null;
  unit: string;
  memoryMb?: number | null;
  note?: string;
}

/** The project folder (the bundled file lives in out/main/chunks, the source in electron/cli). */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}
const root = projectRoot();
const bin = join(root, 'electron', 'cli', 'bin.mjs');

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time<T>(fn: () => T): [number, T] {
  const t0 = performance.now();
  const r = fn();
  return [performance.now() - t0, r];
}

async function timeAsync<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const r = await fn();
  return [performance.now() - t0, r];
}

async function repeat(n: number, fn: () => Promise<unknown> | unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) times.push((await timeAsync(async () => fn()))[0]);
  return median(times);
}

async function call(core: Core, method: string, input: unknown): Promise<unknown> {
  const r = await dispatch(core, method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.result;
}

/** The cached demo database of a size (and how long generating it took, the first time). */
function demoDb(cache: string, size: Size, log: (s: string) => void): { file: string; genMs: number } {
  const file = join(cache, `${size}.sqlite`);
  const meta = `${file}.json`;
  if (existsSync(file) && existsSync(meta)) return { file, genMs: (JSON.parse(readFileSync(meta, 'utf8')) as { genMs: number }).genMs };
  for (const f of readdirSync(cache).filter((f) => f.startsWith(`${size}.sqlite`))) rmSync(join(cache, f), { force: true });
  log(`  tạo dữ liệu mẫu ${size}…`);
  const db = openDatabase(file);
  const [genMs] = time(() => generateDemo(db, size, { today: TODAY }));
  db.close();
  writeFileSync(meta, JSON.stringify({ genMs }));
  return { file, genMs };
}

/** Export in a fresh process (its own peak memory), then the floor: read the same rows + deflate the same XML. */
function exportFigures(file: string, campaignId: number, out: string): { ms: number; exportMs: number; maxRssMb: number; rows: number } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [bin, 'export', 'report', '--db', file, '--campaign', String(campaignId), '--out', out, '--today', TODAY, '--json'], {
    encoding: 'utf8',
  });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`export failed: ${r.stderr}${r.stdout}`);
  const j = JSON.parse(r.stdout.trim().split('\n').pop()!) as { rows: number; exportMs: number; maxRssMb: number };
  return { ms, exportMs: j.exportMs, maxRssMb: j.maxRssMb, rows: j.rows };
}

async function limitFor(file: string, campaignId: number, xlsx: string): Promise<{ readMs: number; deflateMs: number; xmlMb: number }> {
  const db = openDatabase(file, { readonly: true });
  const readMs = median(
    [0, 1, 2].map(() =>
      time(() => {
        // Every row the workbook holds: accounts, devices and the cancellation list.
        const ctx = reportContext(db, campaignId, TODAY);
        let n = 0;
        for (const _ of accountRows(db, ctx.campaign)) n++;
        for (const _ of deviceRows(db, ctx.campaign)) n++;
        return n + cancellationRows(db, ctx.campaign).length;
      })[0],
    ),
  );
  db.close();
  // Our own file: the limits for untrusted uploads do not apply (a province report is ~24 MB, 280 MB of XML).
  const limits = { ...DEFAULT_ZIP_LIMITS, maxFileBytes: 1 << 30, maxEntryBytes: 1 << 30, maxTotalBytes: 2 ** 32, maxRatio: Infinity };
  const xml = Buffer.concat([...prescanXlsx(readFileSync(xlsx), limits).values()]);
  const deflateMs = median([0, 1, 2].map(() => time(() => deflateRawSync(xml))[0]));
  return { readMs, deflateMs, xmlMb: xml.length / 1e6 };
}

/** Poll the table's row count from Node (string predicates would be eval — the app's CSP forbids it). */
async function waitRowCount(table: import('playwright-core').Locator, ok: (n: number) => boolean): Promise<void> {
  for (let i = 0; i < 2000; i++) {
    if (ok(Number(await table.getAttribute('aria-rowcount')))) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('timeout waiting for the table');
}

async function uiFigures(file: string, rows: Row[], log: (s: string) => void): Promise<void> {
  let chromium: typeof import('playwright-core').chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    log('  (không có playwright-core: bỏ qua đo giao diện)');
    return;
  }
  const executablePath = process.env.ATTK_CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    log(`  (không có ${executablePath}: bỏ qua đo giao diện)`);
    return;
  }
  const { spawn } = await import('node:child_process');
  const server = spawn(process.execPath, [bin, 'serve', '--db', file, '--json', '--today', TODAY], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((ok, fail) => {
    server.stdout.once('data', (d: Buffer) => {
      try {
        ok((JSON.parse(d.toString()) as { url: string }).url);
      } catch (e) {
        fail(e as Error);
      }
    });
  });
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu'] });
  try {
    const interactive: number[] = [];
    for (let i = 0; i < 5; i++) {
      const page = await browser.newPage();
      const t0 = Date.now();
      await page.goto(url);
      await page.getByRole('progressbar').first().waitFor();
      await page.getByRole('link', { name: 'Cán bộ' }).click({ trial: true });
      interactive.push(Date.now() - t0);
      await page.close();
    }
    rows.push({ what: 'Giao diện: mở đến khi Tổng quan dùng được', size: 'district', median: median(interactive), unit: 'ms' });

    const page = await browser.newPage();
    await page.goto(url);
    await page.getByRole('link', { name: 'Cán bộ' }).click();
    const table = page.getByRole('table', { name: 'Cán bộ, công chức, viên chức' });
    await table.locator('[aria-rowindex="1"] strong').waitFor();
    const typing: number[] = [];
    for (const q of ['nguyen van an', 'tran thi', 'dong da', 'le minh']) {
      await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('');
      await waitRowCount(table, (n) => n > 9000);
      const t0 = Date.now();
      await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill(q);
      await waitRowCount(table, (n) => n < 9000);
      await table.locator('[aria-rowindex="1"] strong').waitFor();
      typing.push(Date.now() - t0);
    }
    rows.push({ what: 'Giao diện: kết quả lọc Cán bộ sau khi gõ (gồm 60 ms chờ gõ)', size: 'district', median: median(typing), unit: 'ms' });
    await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('');
    await waitRowCount(table, (n) => n > 9000);
    let maxRows = 0;
    for (let i = 1; i <= 10; i++) {
      await page.locator('.vtable-body').evaluate((el, f) => el.scrollTo(0, el.scrollHeight * f), i / 10);
      await page.waitForTimeout(120);
      maxRows = Math.max(maxRows, await table.getByRole('row').count());
    }
    rows.push({ what: 'Giao diện: số dòng trong DOM khi cuộn 10.000 cán bộ (ảo hóa)', size: 'district', median: maxRows, unit: 'dòng' });
    await page.close();
  } finally {
    await browser.close();
    server.kill('SIGTERM');
  }
}

/** A 10,000-row staff list as units keep it (title row, STT, Vietnamese headers), written with our xlsx writer. */
async function staffWorkbook(file: string, n: number): Promise<void> {
  const wb = new XlsxStreamWriter(file, { creator: 'bench', created: new Date(`${TODAY}T00:00:00Z`) });
  const sheet = wb.addSheet({ name: 'Danh sách' });
  await sheet.add(['DANH SÁCH CÁN BỘ, CÔNG CHỨC']);
  await sheet.add(['STT', 'Họ và tên', 'Chức vụ', 'Phòng ban']);
  const family = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi'];
  const given = ['An', 'Bình', 'Cường', 'Dũng', 'Hà', 'Hạnh', 'Lan', 'Minh', 'Nam', 'Thảo'];
  for (let i = 1; i <= n; i++) await sheet.add([i, `${family[i % 8]} Văn ${given[i % 10]} ${i}`, 'Chuyên viên', `Phòng ${i % 20}`]);
  await sheet.end();
  await wb.finish();
}

async function importFigures(cache: string, rows: Row[], log: (s: string) => void): Promise<void> {
  log('  nhập Excel 10.000 cán bộ…');
  const xlsx = join(cache, 'staff-10000.xlsx');
  if (!existsSync(xlsx)) await staffWorkbook(xlsx, 10_000);
  const dataBase64 = readFileSync(xlsx).toString('base64');
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const file = join(cache, `import-${i}.sqlite`);
    for (const f of readdirSync(cache).filter((f) => f.startsWith(`import-${i}.sqlite`))) rmSync(join(cache, f), { force: true });
    const core = createCore({ file, shell: 'cli', appVersion: 'bench', now: () => new Date(`${TODAY}T09:00:00`) });
    try {
      await call(core, 'unit.save', { name: 'UBND PHƯỜNG BENCH', code: `B${i}` });
      const [ms] = await timeAsync(async () => {
        const preview = (await call(core, 'import.stage', { kind: 'staff', fileName: 'staff.xlsx', dataBase64 })) as { stageId: string; mapping: unknown };
        await call(core, 'import.commit', { stageId: preview.stageId, mapping: preview.mapping });
      });
      times.push(ms);
    } finally {
      core.db.close();
    }
  }
  rows.push({ what: 'Nhập Excel danh sách 10.000 cán bộ (đọc, kiểm tra, ghi)', size: 'district', median: median(times), unit: 'ms' });
}

/** 100 real unit export files (unit demo data under 100 register codes), imported by a receiving database in one job; then the consolidated export. */
async function districtFigures(cache: string, districtFile: string, rows: Row[], log: (s: string) => void): Promise<void> {
  const receiving = join(cache, 'district-receiving.sqlite');
  for (const f of readdirSync(cache).filter((f) => f.startsWith('district-receiving.sqlite'))) rmSync(join(cache, f), { force: true });
  const source = openDatabase(districtFile, { readonly: true });
  source.exec(`VACUUM INTO '${receiving.replace(/'/g, "''")}'`);
  const registered = source.prepare('SELECT code, name FROM units WHERE is_home = 0 ORDER BY id LIMIT 100').all() as { code: string; name: string }[];
  source.close();
  const unitsDir = join(cache, 'units');
  mkdirSync(unitsDir, { recursive: true });
  const files: { fileName: string; dataBase64: string }[] = [];
  log('  chuẩn bị 100 tệp báo cáo của đơn vị…');
  for (const { code, name } of registered) {
    const out = join(unitsDir, `${code}.xlsx`);
    if (!existsSync(out)) {
      const dbFile = join(unitsDir, `${code}.sqlite`);
      for (const f of readdirSync(unitsDir).filter((f) => f.startsWith(`${code}.sqlite`))) rmSync(join(unitsDir, f), { force: true });
      const db = openDatabase(dbFile);
      generateDemo(db, 'unit', { today: TODAY });
      // The file must name the unit as the office's register does (issue 15: identity is checked).
      db.prepare('UPDATE units SET code = ?, name = ? WHERE is_home = 1').run(code, name);
      db.close();
      const r = spawnSync(process.execPath, [bin, 'export', 'report', '--db', dbFile, '--campaign', '2', '--out', out, '--today', TODAY, '--json'], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`unit export failed: ${r.stderr}${r.stdout}`);
    }
    files.push({ fileName: `${code}.xlsx`, dataBase64: readFileSync(out).toString('base64') });
  }
  const core = createCore({ file: receiving, shell: 'cli', appVersion: 'bench', now: () => new Date(`${TODAY}T09:00:00`) });
  try {
    await call(core, 'district.saveSettings', { receivingMode: true });
    const campaigns = (await call(core, 'campaigns.list', {})) as { id: number; status: string }[];
    const campaignId = campaigns.find((c) => c.status === 'in_progress')!.id;
    const waitJob = async (started: unknown) => {
      for (;;) {
        const st = (await call(core, 'jobs.status', { id: (started as { jobId: string }).jobId })) as { state: string; result?: unknown; error?: { message: string } };
        if (st.state === 'done') return st.result;
        if (st.state === 'failed') throw new Error(st.error?.message);
        await new Promise((r) => setTimeout(r, 10));
      }
    };
    const [importMs, result] = await timeAsync(async () => waitJob(await call(core, 'district.importFiles', { campaignId, files, trustNewKeys: true })));
    const accepted = (result as { accepted: number }).accepted;
    rows.push({ what: `Tiếp nhận 100 tệp báo cáo của đơn vị trong một lần (nhận ${accepted})`, size: 'district', median: importMs, unit: 'ms' });
    const [exportMs] = await timeAsync(async () => waitJob(await call(core, 'district.export', { campaignId })));
    rows.push({ what: 'Xuất bảng tổng hợp của cơ quan tiếp nhận', size: 'district', median: exportMs, unit: 'ms' });
  } finally {
    core.db.close();
  }
}

interface WaitFigures {
  /** The longest a small call (app.info) waited, from the moment it was due to its answer. */
  worst: number;
  p99: number;
  samples: number;
  /** How long the work took. */
  ms: number;
}

/**
 * Issue 16: the main thread never waits on a file. While `work` runs in the same core, a small call
 * (`app.info`, through the dispatcher the IPC handlers and the harness use) is due every 10 ms; its
 * wait is measured from the moment it was due — the timer's lateness (a busy event loop) plus the
 * call — which is what a click in the window would wait for.
 */
async function mainThreadWaits(core: Core, work: () => Promise<unknown>): Promise<WaitFigures> {
  const waits: number[] = [];
  let running = true;
  const sampler = (async () => {
    while (running) {
      const due = performance.now() + 10;
      await new Promise((r) => setTimeout(r, 10));
      await call(core, 'app.info', {});
      waits.push(performance.now() - due);
    }
  })();
  const t0 = performance.now();
  try {
    await work();
  } finally {
    running = false;
    await sampler;
  }
  const ms = performance.now() - t0;
  const sorted = [...waits].sort((a, b) => a - b);
  return { worst: sorted.at(-1) ?? 0, p99: sorted[Math.floor(sorted.length * 0.99)] ?? 0, samples: waits.length, ms };
}

async function waitJob(core: Core, started: unknown): Promise<unknown> {
  for (;;) {
    const st = (await call(core, 'jobs.status', { id: (started as { jobId: string }).jobId })) as { state: string; result?: unknown; error?: { message: string } };
    if (st.state === 'done') return st.result;
    if (st.state === 'failed') throw new Error(st.error?.message);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The three loads of issue 16 §4, three runs each: a district export, a 10,000-row import, 100 unit files received — after the machine's own floor (no work). */
async function waitFigures(cache: string, districtFile: string, log: (s: string) => void): Promise<Row[]> {
  const rows: Row[] = [];
  const push = (what: string, runs: WaitFigures[]) => {
    const worst = Math.max(...runs.map((r) => r.worst));
    rows.push({
      what, size: 'district', median: median(runs.map((r) => r.worst)), unit: 'ms',
      note: `chậm nhất ${Math.round(worst)} ms trong ${runs.length} lần; p99 ${Math.round(median(runs.map((r) => r.p99)))} ms; ${runs[0]!.samples} lần hỏi/lần; công việc ${Math.round(median(runs.map((r) => r.ms)))} ms`,
    });
  };
  // The floor: the same sampler with no work at all. On a shared machine the other processes'
  // load alone makes a 10 ms timer late; the rows below are read against this one.
  log('  chờ của luồng chính: không có việc gì (nền của máy)…');
  {
    const core = createCore({ file: districtFile, shell: 'cli', appVersion: 'bench', now: () => new Date(`${TODAY}T09:00:00`) });
    try {
      const runs: WaitFigures[] = [];
      for (let i = 0; i < 3; i++) runs.push(await mainThreadWaits(core, () => new Promise((r) => setTimeout(r, 4000))));
      push(`Chờ lâu nhất của app.info khi không có việc gì chạy (nền: tải của máy, load average ${os.loadavg()[0]!.toFixed(1)} trên ${os.cpus().length} nhân)`, runs);
    } finally {
      core.db.close();
    }
  }
  log('  chờ của luồng chính: xuất báo cáo quận…');
  {
    const core = createCore({ file: districtFile, shell: 'cli', appVersion: 'bench', now: () => new Date(`${TODAY}T09:00:00`) });
    try {
      const campaigns = (await call(core, 'campaigns.list', {})) as { id: number; status: string }[];
      const campaignId = campaigns.find((c) => c.status === 'in_progress')!.id;
      const runs: WaitFigures[] = [];
      for (let i = 0; i < 3; i++) runs.push(await mainThreadWaits(core, async () => waitJob(core, await call(core, 'reports.export', { campaignId }))));
      push('Chờ lâu nhất của một lệnh nhỏ (app.info, mỗi 10 ms) khi đang xuất báo cáo Excel cấp quận', runs);
    } finally {
      core.db.close();
    }
  }
  log('  chờ của luồng chính: nhập 10.000 cán bộ…');
  {
    const xlsx = join(cache, 'staff-10000.xlsx');
    if (!existsSync(xlsx)) await staffWorkbook(xlsx, 10_000);
    const dataBase64 = readFileSync(xlsx).toString('base64');
    const runs: WaitFigures[] = [];
    for (let i = 0; i < 3; i++) {
      const file = join(cache, `waits-import-${i}.sqlite`);
      for (const f of readdirSync(cache).filter((f) => f.startsWith(`waits-import-${i}.sqlite`))) rmSync(join(cache, f), { force: true });
      const core = createCore({ file, shell: 'cli', appVersion: 'bench', now: () => new Date(`${TODAY}T09:00:00`) });
      try {
        await call(core, 'unit.save', { name: 'UBND PHƯỜNG BENCH', code: `W${i}` });
        runs.push(await mainThreadWaits(core, async () => {
          const preview = (await call(core, 'import.stage', { kind: 'staff', fileName: 'staff.xlsx', dataBase64 })) as { stageId: string; mapping: unknown };
          await call(core, 'import.commit', { stageId: preview.stageId, mapping: preview.mapping });
        }));
      } finally {
        core.db.close();
      }
    }
    push('Chờ lâu nhất của app.info khi đang nhập Excel 10.000 cán bộ (đọc, kiểm tra, ghi)', runs);
  }
  log('  chờ của luồng chính: tiếp nhận 100 tệp…');
  {
    const files = readdirSync(join(cache, 'units')).filter((f) => f.endsWith('.xlsx')).slice(0, 100)
      .map((f) => ({ fileName: f, dataBase64: readFileSync(join(cache, 'units', f)).toString('base64') }));
    const runs: WaitFigures[] = [];
    for (let i = 0; i < 3; i++) {
      const receiving = join(cache, 'waits-receiving.sqlite');
      for (const f of readdirSync(cache).filter((f) => f.startsWith('waits-receiving.sqlite'))) rmSync(join(cache, f), { force: true });
      const source = openDatabase(districtFile, { readonly: true });
      source.exec(`VACUUM INTO '${receiving.replace(/'/g, "''")}'`);
      source.close();
      const core = createCore({ file: receiving, shell: 'cli', appVersion: 'bench', now: () => new Date(`${TODAY}T09:00:00`) });
      try {
        await call(core, 'district.saveSettings', { receivingMode: true });
        const campaigns = (await call(core, 'campaigns.list', {})) as { id: number; status: string }[];
        const campaignId = campaigns.find((c) => c.status === 'in_progress')!.id;
        runs.push(await mainThreadWaits(core, async () => waitJob(core, await call(core, 'district.importFiles', { campaignId, files, trustNewKeys: true }))));
      } finally {
        core.db.close();
      }
    }
    push(`Chờ lâu nhất của app.info khi đang tiếp nhận ${files.length} tệp báo cáo của đơn vị`, runs);
  }
  return rows;
}

const WAITS_START = '<!-- main-thread-waits -->';
const WAITS_END = '<!-- /main-thread-waits -->';

function commitOf(): string {
  const r = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : '—';
}

function machine(): string {
  const cpus = os.cpus();
  return `${process.platform} ${process.arch}, ${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, Node ${process.version}`;
}

function waitsSection(rows: Row[]): string {
  return `${WAITS_START}\n## Luồng chính không chờ tệp (issue 16)\n\nĐo ngày ${new Date().toISOString().slice(0, 10)}, commit ${commitOf()}, máy ${machine()}, load average lúc xong ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')} (1 / 5 / 15 phút); \`npm run bench -- --waits\` (chỉ phần này) hoặc \`npm run bench\`. Mỗi dòng: trung vị của 3 lần, mỗi lần là lần chờ lâu nhất; mục tiêu ≤ 100 ms.\n\n${format(rows)}\n${WAITS_END}\n`;
}

/** `attk bench --waits`: only the main-thread waits, written into their section of bench/results.md. */
export async function runWaitBench(options: { log?: (s: string) => void } = {}): Promise<string> {
  const log = options.log ?? ((s: string) => process.stderr.write(`${s}\n`));
  const cache = join(root, 'bench', 'cache');
  mkdirSync(cache, { recursive: true });
  for (const dir of ['exports', 'backups']) rmSync(join(cache, dir), { recursive: true, force: true });
  const { file } = demoDb(cache, 'district', log);
  if (!existsSync(join(cache, 'units')) || readdirSync(join(cache, 'units')).filter((f) => f.endsWith('.xlsx')).length < 100) {
    await districtFigures(cache, file, [], log);
  }
  const rows = await waitFigures(cache, file, log);
  const path = join(root, 'bench', 'results.md');
  const old = existsSync(path) ? readFileSync(path, 'utf8') : '# ATTK — kết quả đo hiệu năng\n';
  const section = waitsSection(rows);
  const start = old.indexOf(WAITS_START);
  const end = old.indexOf(WAITS_END);
  writeFileSync(path, start >= 0 && end > start ? old.slice(0, start) + section + old.slice(end + WAITS_END.length + 1) : `${old.trimEnd()}\n\n${section}`);
  return format(rows);
}

function bundleRow(rows: Row[]): void {
  const dir = join(root, 'out', 'renderer', 'assets');
  if (!existsSync(dir)) return;
  let raw = 0;
  let gz = 0;
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.js') || f.endsWith('.css'))) {
    const data = readFileSync(join(dir, f));
    raw += data.length;
    gz += gzipSync(data).length;
  }
  // What the first paint loads: the files index.html names (entry script, module preloads, CSS);
  // every other screen is a chunk loaded when first opened.
  const html = readFileSync(join(root, 'out', 'renderer', 'index.html'), 'utf8');
  let first = 0;
  for (const [, f] of html.matchAll(/(?:src|href)="\.\/assets\/([^"]+)"/g)) first += statSync(join(dir, f!)).size;
  rows.push({ what: 'Giao diện: tải lần đầu (JS + CSS của Tổng quan)', size: '—', median: Math.round(first / 1024), unit: 'KB' });
  rows.push({ what: 'Kích thước giao diện, toàn bộ (JS + CSS)', size: '—', median: Math.round(raw / 1024), unit: 'KB', note: `gzip ${Math.round(gz / 1024)} KB` });
}

function format(rows: Row[]): string {
  const lines = ['| Phép đo | Quy mô | Trung vị | Đơn vị | Bộ nhớ đỉnh (MB) | Ghi chú |', '|---|---|---:|---|---:|---|'];
  for (const r of rows) {
    const v = r.median === null ? '—' : r.median >= 100 ? Math.round(r.median).toLocaleString('en-US') : r.median.toFixed(1);
    lines.push(`| ${r.what} | ${r.size} | ${v} | ${r.unit} | ${r.memoryMb ? Math.round(r.memoryMb) : ''} | ${r.note ?? ''} |`);
  }
  return lines.join('\n');
}

export async function runBench(options: { sizes?: Size[]; ui?: boolean; log?: (s: string) => void } = {}): Promise<string> {
  const log = options.log ?? ((s: string) => process.stderr.write(`${s}\n`));
  const cache = join(root, 'bench', 'cache');
  mkdirSync(cache, { recursive: true });
  // What earlier runs left beside the cached databases (every export, the backup taken before
  // each import or migration) is not kept: a province export alone is 24 MB.
  for (const dir of ['exports', 'backups']) rmSync(join(cache, dir), { recursive: true, force: true });
  const rows: Row[] = [];
  for (const size of options.sizes ?? SIZES) {
    log(`Quy mô ${size}`);
    const { file, genMs } = demoDb(cache, size, log);
    rows.push({ what: 'Tạo dữ liệu mẫu (attk demo)', size, median: genMs, unit: 'ms', note: `${Math.round(statSync(file).size / 1e6)} MB` });
    const open = await repeat(5, () => createCore({ file, shell: 'cli', appVersion: 'bench' }).db.close());
    rows.push({ what: 'Mở cơ sở dữ liệu', size, median: open, unit: 'ms' });
    const core = createCore({ file, shell: 'cli', appVersion: 'bench', now: () => new Date(`${TODAY}T09:00:00`) });
    try {
      rows.push({ what: 'Số liệu Tổng quan (dashboard.summary)', size, median: await repeat(7, () => call(core, 'dashboard.summary', {})), unit: 'ms' });
      const campaigns = (await call(core, 'campaigns.list', {})) as { id: number; status: string }[];
      const current = campaigns.find((c) => c.status === 'in_progress')!;
      rows.push({ what: 'Danh sách rà soát: trang đầu (campaigns.checklist)', size, median: await repeat(7, () => call(core, 'campaigns.checklist', { campaignId: current.id, limit: 100 })), unit: 'ms' });
      rows.push({ what: 'Danh sách rà soát: lọc "Chưa đổi" + tìm "nguyen"', size, median: await repeat(7, () => call(core, 'campaigns.checklist', { campaignId: current.id, state: 'missing', q: 'nguyen', limit: 100 })), unit: 'ms' });
      const keystrokes: number[] = [];
      for (const q of ['nguyen van an', 'dong da', 'tran thi hoa']) {
        for (let i = 1; i <= q.length; i++) keystrokes.push(await repeat(3, () => call(core, 'people.list', { q: q.slice(0, i), limit: 100 })));
      }
      rows.push({ what: 'Tìm cán bộ không dấu, mỗi lần gõ phím (people.list)', size, median: median(keystrokes), unit: 'ms', note: `chậm nhất ${Math.round(Math.max(...keystrokes))} ms` });
      rows.push({ what: 'Danh sách tài khoản: trang đầu (accounts.list)', size, median: await repeat(7, () => call(core, 'accounts.list', { limit: 100 })), unit: 'ms' });
      if (size !== 'unit') {
        const out = join(cache, `${size}-report.xlsx`);
        const runs = [0, 1, 2].map(() => exportFigures(file, current.id, out));
        const ex = { ms: median(runs.map((r) => r.ms)), exportMs: median(runs.map((r) => r.exportMs)), maxRssMb: Math.max(...runs.map((r) => r.maxRssMb)), rows: runs[0]!.rows };
        const limit = await limitFor(file, current.id, out);
        const floor = limit.readMs + limit.deflateMs;
        // The ratio compares the export job (what a clerk waits for in the running app) with the
        // floor; the whole process, start-up included, is printed beside it.
        rows.push({
          what: `Xuất báo cáo Excel (${ex.rows.toLocaleString('en-US')} dòng; công việc xuất trong ứng dụng)`, size, median: ex.exportMs, unit: 'ms', memoryMb: ex.maxRssMb,
          note: `giới hạn = đọc ${Math.round(limit.readMs)} ms + nén ${limit.xmlMb.toFixed(0)} MB XML ${Math.round(limit.deflateMs)} ms; tỷ lệ ${(ex.exportMs / floor).toFixed(1)}×; cả tiến trình gồm khởi động ${Math.round(ex.ms)} ms`,
        });
      }
    } finally {
      core.db.close();
    }
  }
  if ((options.sizes ?? SIZES).includes('district')) {
    await importFigures(cache, rows, log);
    await districtFigures(cache, join(cache, 'district.sqlite'), rows, log);
  }
  if (options.ui !== false && (options.sizes ?? SIZES).includes('district')) {
    log('Giao diện (Chromium)');
    await uiFigures(join(cache, 'district.sqlite'), rows, log);
  }
  const waits = (options.sizes ?? SIZES).includes('district') ? await waitFigures(cache, join(cache, 'district.sqlite'), log) : [];
  bundleRow(rows);
  const table = format(rows);
  const md = `# ATTK — kết quả đo hiệu năng\n\nMáy: ${machine()}, ${new Date().toISOString().slice(0, 10)}, commit ${commitOf()}. Trung vị của nhiều lần chạy; đo bằng \`npm run bench\`.\n\n${table}\n${waits.length ? `\n${waitsSection(waits)}` : ''}`;
  mkdirSync(join(root, 'bench'), { recursive: true });
  writeFileSync(join(root, 'bench', 'results.md'), md);
  return waits.length ? `${table}\n\n${format(waits)}` : table;
}
