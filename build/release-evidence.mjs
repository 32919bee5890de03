// electron-builder afterAllArtifactBuild hook: writes the evidence an airlock review asks for
// beside the installers (electron-engineering.md §6.3):
//   SHA256SUMS                        one "<hash>  <file>" line per installer (sha256sum -c format)
//   represent-<version>.sbom.cdx.json CycloneDX SBOM of the shipped (production) dependencies
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Streams a file through SHA-256: installers are hundreds of megabytes. */
export function sha256File(file) {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('error', reject)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/** Writes SHA256SUMS in `outDir` for the given files (sorted, paths relative to outDir). */
export async function writeSha256Sums(outDir, files) {
  const lines = [];
  for (const file of [...files].sort()) {
    lines.push(`${await sha256File(file)}  ${path.relative(outDir, file).split(path.sep).join('/')}`);
  }
  const target = path.join(outDir, 'SHA256SUMS');
  writeFileSync(target, lines.join('\n') + '\n');
  return target;
}

/** `npm sbom` (npm ≥ 10) over production dependencies only: what the installer ships. Offline. */
export function writeSbom(outDir, { cwd = projectDir, run = execFileSync } = {}) {
  const version = JSON.parse(readFileSync(path.join(cwd, 'package.json'), 'utf8')).version;
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const sbom = run(npm, ['sbom', '--sbom-format', 'cyclonedx', '--sbom-type', 'application', '--omit', 'dev'], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    shell: process.platform === 'win32',
  });
  JSON.parse(sbom); // fail loudly rather than ship a broken SBOM
  const target = path.join(outDir, `represent-${version}.sbom.cdx.json`);
  writeFileSync(target, sbom);
  return target;
}

export default async function afterAllArtifactBuild(result) {
  const installers = result.artifactPaths.filter((p) => !p.endsWith('.blockmap') && !p.endsWith('.yml'));
  const sums = await writeSha256Sums(result.outDir, installers);
  const sbom = writeSbom(result.outDir);
  console.log(`  • release evidence: ${path.basename(sums)}, ${path.basename(sbom)}`);
  return [sums, sbom];
}
