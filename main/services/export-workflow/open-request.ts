// Opens an export request bundle for review: reads the zip defensively, checks the manifest's
// form and version, and checks every file against its SHA-256. Any mismatch is refused before the
// reviewer sees anything, so what they review is exactly what the requester wrote.
import { RepresentError } from '../../../shared/errors';
import { canonicalSha256, sha256Hex } from '../../store/canonical-json';
import { APP_VERSION } from '../app-version';
import { readZipFile } from './zip-io';
import { APPROVAL_NAME, MANIFEST_NAME, ManifestSchema, readDocument, type Manifest } from './formats';

export interface OpenedRequest {
  file: string;
  bundleSha256: string;
  manifest: Manifest;
  manifestBytes: Buffer;
  manifestSha256: string;
  /** Every file the manifest lists, by path, hash-checked. */
  files: Map<string, Buffer>;
}

function bad(message: string, file: string, details: { expected?: string; found?: string } = {}): RepresentError {
  return new RepresentError('bad-bundle', message, { ...details, location: { file } });
}

/** Checks a manifest's own consistency: policy hash, unique paths, outputs pointing at output files. */
export function checkManifestConsistency(manifest: Manifest, file: string): void {
  const policyHash = canonicalSha256(manifest.policy.parameters);
  if (policyHash !== manifest.policy.sha256)
    throw bad('The manifest’s policy does not match its hash.', file, { expected: `policy SHA-256 ${manifest.policy.sha256}`, found: `parameters hashing to ${policyHash}` });
  const paths = new Set<string>();
  for (const f of manifest.files) {
    if (paths.has(f.path)) throw bad('The manifest lists a file twice.', file, { found: f.path });
    if (f.path === MANIFEST_NAME || f.path === APPROVAL_NAME) throw bad('The manifest lists a reserved name as a file.', file, { found: f.path });
    paths.add(f.path);
  }
  const outputFiles = new Set(manifest.files.filter((f) => f.role === 'output').map((f) => f.path));
  const ids = new Set<string>();
  for (const o of manifest.outputs) {
    if (ids.has(o.id)) throw bad('The manifest lists an output twice.', file, { found: o.id });
    ids.add(o.id);
    for (const f of o.files) if (!outputFiles.has(f)) throw bad('An output names a file the manifest does not list as an output.', file, { found: `${o.id} → ${f}` });
  }
  const covered = new Set(manifest.outputs.flatMap((o) => o.files));
  for (const f of outputFiles) if (!covered.has(f)) throw bad('An output file belongs to no output, so no one could decide on it.', file, { found: f });
}

export async function openRequestBundle(file: string): Promise<OpenedRequest> {
  const zip = await readZipFile(file);
  const manifestBytes = zip.entries.get(MANIFEST_NAME);
  const { value: manifest } = readDocument(ManifestSchema, manifestBytes, 'manifest.json', file, APP_VERSION);
  if (zip.entries.has(APPROVAL_NAME))
    throw bad('This is a release bundle, not an export request.', file, { expected: 'an export request (no approval.json)', found: 'an approved release; check it with: represent verify' });
  checkManifestConsistency(manifest, file);

  const files = new Map<string, Buffer>();
  for (const f of manifest.files) {
    const bytes = zip.entries.get(f.path);
    if (!bytes) throw bad('The manifest lists a file the bundle does not contain.', file, { expected: `a file at ${f.path}`, found: 'none' });
    const hash = sha256Hex(bytes);
    if (hash !== f.sha256 || bytes.byteLength !== f.bytes)
      throw bad('A file in the bundle does not match its SHA-256 in the manifest: it was changed after the request was written.', file, {
        expected: `${f.path} with SHA-256 ${f.sha256}`,
        found: `SHA-256 ${hash}`,
      });
    files.set(f.path, bytes);
  }
  for (const name of zip.entries.keys())
    if (name !== MANIFEST_NAME && !files.has(name)) throw bad('The bundle contains a file the manifest does not list.', file, { found: name });
  return { file, bundleSha256: zip.sha256, manifest, manifestBytes: manifestBytes!, manifestSha256: sha256Hex(manifestBytes!), files };
}
