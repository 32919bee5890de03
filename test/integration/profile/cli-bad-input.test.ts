// Every bad input named in the foundation issue, through the real CLI: a specific message that
// says what was expected, what was found and where, exit code 3, and no data value in the text.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, writeFileSync, mkdirSync, rmSync, readdirSync, chmodSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { runCli } from '../cli-harness';

const SECRET = 'SECRET-VALUE-8841';
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'represent-bad-input-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
}

async function expectBadInput(args: string[], code: string | RegExp, where: RegExp) {
  const r = await runCli(['profile', ...args, '--json', path.join(dir, 'should-not-exist.json')]);
  expect(r.code, r.stderr).toBe(3);
  expect(r.stderr).toMatch(code);
  expect(r.stderr).toMatch(where);
  expect(r.stderr).not.toContain(SECRET);
  expect(r.stdout).not.toContain(SECRET);
  expect(readdirSync(dir).some((n) => n.includes('should-not-exist'))).toBe(false);
  return r;
}

describe('represent profile: bad input', () => {
  it('a missing file', async () => {
    await expectBadInput([path.join(dir, 'nope.csv')], /does not exist/, /nope\.csv/);
  });

  it('a directory', async () => {
    const sub = path.join(dir, 'a-folder.csv');
    mkdirSync(sub);
    await expectBadInput([sub], /not a file/, /Found: a folder/);
  });

  it.skipIf(process.getuid?.() === 0)('a file without read permission (skipped as root, who can read anything)', async () => {
    const p = file('locked.csv', 'a,b\n1,2\n');
    chmodSync(p, 0o000);
    await expectBadInput([p], /permission/, /locked\.csv/);
  });

  it('an empty file', async () => {
    await expectBadInput([file('empty.csv', '')], /empty/, /Found: 0 bytes/);
  });

  it('a header with no data rows', async () => {
    await expectBadInput([file('header-only.csv', 'NHS_NUMBER,ETHNIC_CATEGORY\n')], /no data rows/, /header-only\.csv/);
  });

  it('a PNG renamed .csv', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, ...new Array(64).fill(7)]);
    await expectBadInput([file('picture.csv', png)], /PNG/i, /picture\.csv/);
  });

  it('an .xlsx workbook (a ZIP archive) renamed .csv', async () => {
    // A real single-entry ZIP, as Excel's container is.
    const body = deflateRawSync(Buffer.from(`<sheet>${SECRET}</sheet>`));
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(8, 8);
    header.writeUInt32LE(body.length, 18);
    header.writeUInt16LE(name.length, 26);
    await expectBadInput([file('workbook.csv', Buffer.concat([header, name, body]))], /ZIP|xlsx|workbook/i, /workbook\.csv/);
  });

  it('undecodable bytes after a clean UTF-8 start', async () => {
    const clean = 'ID,NOTE\n' + Array.from({ length: 200_000 }, (_, i) => `${i},plain text\n`).join('');
    const bad = Buffer.concat([Buffer.from(clean), Buffer.from(`200000,${SECRET}`), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from('\n')]);
    const r = await expectBadInput([file('mixed-encoding.csv', bad)], /UTF-8|decod/i, /byte \d+/);
    expect(r.stderr).toMatch(/windows-1252/i);
  });

  it('a field larger than the limit', async () => {
    const huge = 'x'.repeat(2 * 1024 * 1024);
    await expectBadInput([file('huge-field.csv', `A,B\n1,${SECRET}${huge}\n`)], /longer|larger|too large|limit/i, /row 1/);
  });

  it('an unterminated quote at the end of the file', async () => {
    await expectBadInput([file('open-quote.csv', `A,B\n1,ok\n2,"${SECRET} never closed\n3,x\n`)], /quote/i, /row 2|open-quote\.csv/);
  });

  it('duplicate and blank column names are renamed with a note, and nothing is lost', async () => {
    const p = file('names.csv', 'AGE,,AGE\n30,a,31\n40,b,41\n');
    const json = path.join(dir, 'names.json');
    const r = await runCli(['profile', p, '--json', json]);
    expect(r.code, r.stderr).toBe(0);
    const profile = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(json, 'utf8')));
    expect(profile.columns.map((c: { name: string }) => c.name)).toEqual(['AGE', 'column_2', 'AGE_2']);
    expect(profile.ingest.warnings.length).toBeGreaterThanOrEqual(2);
    expect(profile.rows).toBe(2);
  });

  it('ragged rows are counted and located, not fatal', async () => {
    const p = file('ragged.csv', 'A,B,C\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n');
    const json = path.join(dir, 'ragged.json');
    const r = await runCli(['profile', p, '--json', json]);
    expect(r.code, r.stderr).toBe(0);
    const profile = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(json, 'utf8')));
    expect(profile.rows).toBe(4);
    expect(profile.ingest.ragged.firstRows).toEqual([2, 3]);
    expect(r.stdout).toMatch(/wrong number of fields/);
  });

  it('a usage error exits 2 with the command’s usage', async () => {
    const r = await runCli(['profile']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Usage: represent profile/);
    const unknown = await runCli(['frobnicate']);
    expect(unknown.code).toBe(2);
  });
});
