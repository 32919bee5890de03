// Packaging as data: the electron-builder configuration passes electron-builder's own schema and
// says what PACKAGING.md promises; the fuse hook's settings are flipped by the real
// @electron/fuses in a stand-in binary (no Electron here); the release evidence is real hashes
// and a real `npm sbom`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FuseState, FuseV1Options, flipFuses, getCurrentFuseWire } from '@electron/fuses';
// @ts-expect-error plain ESM build script without type declarations
import builderConfig from '../../../build/electron-builder.config.mjs';
// @ts-expect-error plain ESM build script without type declarations
import { electronBinaryPath, fuseConfig, fuseSettings } from '../../../build/fuses.mjs';
// @ts-expect-error plain ESM build script without type declarations
import { writeSbom, writeSha256Sums } from '../../../build/release-evidence.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const require = createRequire(import.meta.url);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'represent-packaging-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('electron-builder configuration', () => {
  it("passes electron-builder's own schema", async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js');
    const { DebugLogger } = require('builder-util');
    await expect(validateConfiguration({ ...builderConfig }, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...builderConfig, nsis: { perMachin: true } }, new DebugLogger(false))).rejects.toThrow(/Invalid configuration object/);
  });

  it('builds NSIS per machine and MSI for Windows, deb and AppImage for Linux', () => {
    expect(builderConfig.win.target.map((t: { target: string }) => t.target)).toEqual(['nsis', 'msi']);
    expect(builderConfig.nsis).toMatchObject({ oneClick: false, perMachine: true, deleteAppDataOnUninstall: false });
    expect(builderConfig.msi).toMatchObject({ perMachine: true });
    expect(builderConfig.linux.target.map((t: { target: string }) => t.target)).toEqual(['deb', 'AppImage']);
  });

  it('never publishes or updates itself', () => {
    expect(builderConfig.publish).toBeNull();
    expect(JSON.stringify(builderConfig)).not.toMatch(/nsis-web|electron-updater|autoUpdate/);
  });

  it('ships only the built app: no sources, no tests, no test bridge, no source maps', () => {
    const files: string[] = builderConfig.files;
    expect(files).toEqual(expect.arrayContaining(['out/app/**/*', 'out/renderer/**/*', '!**/*.map']));
    expect(files.filter((f) => !f.startsWith('!')).every((f) => f === 'package.json' || f.startsWith('out/'))).toBe(true);
    expect(files.some((f) => /test|bridge|main\/|renderer\/src|shared\//.test(f.replace(/^out\/renderer/, '')))).toBe(false);
    expect(builderConfig.asar).toBe(true);
    expect(builderConfig.asarUnpack).toEqual(expect.arrayContaining(['out/app/profile-worker.mjs', '**/*.node']));
  });

  it('runs the fuse and release-evidence hooks, which exist', () => {
    expect(builderConfig.afterPack).toBe(path.join(repo, 'build', 'fuses.mjs'));
    expect(builderConfig.afterAllArtifactBuild).toBe(path.join(repo, 'build', 'release-evidence.mjs'));
    expect(existsSync(builderConfig.afterPack)).toBe(true);
    expect(existsSync(builderConfig.afterAllArtifactBuild)).toBe(true);
  });
});

describe('fuses', () => {
  it('turns off run-as-node, NODE_OPTIONS and inspect in release builds, and loads only from the asar', () => {
    for (const platform of ['win32', 'linux', 'darwin']) {
      expect(fuseSettings({ platform, e2e: false })).toMatchObject({
        RunAsNode: false,
        EnableNodeOptionsEnvironmentVariable: false,
        EnableNodeCliInspectArguments: false,
        OnlyLoadAppFromAsar: true,
        GrantFileProtocolExtraPrivileges: false,
      });
    }
  });

  it('checks ASAR integrity where Electron enforces it (Windows, macOS), and keeps inspect only for E2E builds', () => {
    expect(fuseSettings({ platform: 'win32', e2e: false }).EnableEmbeddedAsarIntegrityValidation).toBe(true);
    expect(fuseSettings({ platform: 'darwin', e2e: false }).EnableEmbeddedAsarIntegrityValidation).toBe(true);
    expect(fuseSettings({ platform: 'linux', e2e: false }).EnableEmbeddedAsarIntegrityValidation).toBe(false);
    expect(fuseSettings({ platform: 'linux', e2e: true }).EnableNodeCliInspectArguments).toBe(true);
  });

  it('sets every fuse @electron/fuses knows, and flips them in a binary', async () => {
    const names = Object.keys(FuseV1Options).filter((k) => Number.isNaN(Number(k)));
    expect(Object.keys(fuseSettings({ platform: 'win32', e2e: false })).sort()).toEqual(names.sort());

    // A stand-in for the Electron binary: bytes, the fuse sentinel, wire version 1, and every fuse
    // at Electron's shipped defaults.
    const defaults = [1, 0, 1, 1, 0, 0, 0, 1, 1].map((on) => (on ? FuseState.ENABLE : FuseState.DISABLE));
    const binary = path.join(dir, 'represent.exe');
    await writeFile(binary, Buffer.concat([Buffer.alloc(4096, 7), Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), Buffer.from([1, defaults.length, ...defaults]), Buffer.alloc(4096, 7)]));
    await flipFuses(binary, fuseConfig({ platform: 'win32', e2e: false }));
    const wire = await getCurrentFuseWire(binary);
    const expected = fuseSettings({ platform: 'win32', e2e: false });
    for (const [name, on] of Object.entries(expected)) {
      expect(wire[FuseV1Options[name as keyof typeof FuseV1Options]], name).toBe(on ? FuseState.ENABLE : FuseState.DISABLE);
    }
  });

  it('finds the binary electron-builder produced on each platform', () => {
    const context = (electronPlatformName: string) => ({
      appOutDir: '/dist/unpacked',
      electronPlatformName,
      packager: { appInfo: { productFilename: 'Represent' }, executableName: 'represent' },
    });
    expect(electronBinaryPath(context('win32'))).toBe(path.join('/dist/unpacked', 'Represent.exe'));
    expect(electronBinaryPath(context('linux'))).toBe(path.join('/dist/unpacked', 'represent'));
    expect(electronBinaryPath(context('darwin'))).toBe(path.join('/dist/unpacked', 'Represent.app'));
  });
});

describe('release evidence', () => {
  it('writes SHA256SUMS in sha256sum -c format', async () => {
    const a = path.join(dir, 'Represent-Setup-0.1.0-x64.exe');
    const b = path.join(dir, 'represent_0.1.0_amd64.deb');
    await writeFile(a, 'installer a');
    await writeFile(b, 'installer b');
    const sums = await readFile(await writeSha256Sums(dir, [b, a]), 'utf8');
    const sha = (s: string) => createHash('sha256').update(s).digest('hex');
    expect(sums).toBe(`${sha('installer a')}  Represent-Setup-0.1.0-x64.exe\n${sha('installer b')}  represent_0.1.0_amd64.deb\n`);
  });

  it('writes a CycloneDX SBOM of the production dependencies with npm sbom (offline)', async () => {
    const file = writeSbom(dir, { cwd: repo });
    const sbom = JSON.parse(await readFile(file, 'utf8'));
    expect(sbom.bomFormat).toBe('CycloneDX');
    const names = sbom.components.map((c: { name: string }) => c.name);
    expect(names).toEqual(expect.arrayContaining(['better-sqlite3', 'papaparse']));
    expect(names).not.toContain('vitest'); // dev dependencies are not shipped
    expect(names).not.toContain('electron-builder');
  }, 60_000);
});
