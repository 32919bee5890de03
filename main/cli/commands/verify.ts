// `represent verify`: re-check a release bundle from scratch. Exit 0 only when every check passes.
import { RepresentError } from '../../../shared/errors';
import { ExitCode } from '../exit-codes';
import { parseCommandArgs, UsageError, type Command } from '../command';
import { verifyReleaseBundle } from '../../services/export-workflow/verify';
import { trustedKeysFor } from '../../services/export-workflow/workspace';
import { loadTrustedKeys } from '../../services/export-workflow/keys';
import { representHome } from '../../store/home';

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'Verify a release bundle: hashes, signature, key trust and the disclosure screen.',
  usage: `
Usage: represent verify BUNDLE.zip [--trusted-keys DIR] [--json]

  Checks that approval.json is bound to the manifest, that the bundle holds exactly the signed
  files with their hashes, that the policy matches its hash, that the decisions follow the review
  rules, that the Ed25519 signature is valid, that the signing key is trusted, and that the released
  files pass the disclosure screen under the manifest's policy.

  --trusted-keys DIR   a folder of trusted public key files (.json or .pem), e.g. the one your TRE
                       publishes; default: the trusted-keys folder of this Represent home
  --json               print the full report as JSON

Exit status: 0 all checks passed; 4 a check failed or the bundle is damaged; 3 the bundle or key
folder could not be read, or the bundle is from a newer Represent.
`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { 'trusted-keys': { type: 'string' }, json: { type: 'boolean', default: false } });
    if (positionals.length !== 1) throw new UsageError('give exactly one BUNDLE.zip.');
    const file = positionals[0]!;
    // Verification needs no store: a TRE can run it on a machine where nobody has a profile.
    const trustedKeys = values['trusted-keys'] !== undefined ? await loadTrustedKeys(values['trusted-keys']) : await trustedKeysFor(representHome(), undefined);
    let report;
    try {
      report = await verifyReleaseBundle(file, { trustedKeys });
    } catch (e) {
      if (e instanceof RepresentError && e.code === 'bad-bundle') {
        io.stderr.write(`represent verify: FAILED: ${e.message}\n`);
        return ExitCode.checkFailed;
      }
      throw e;
    }
    if (values.json) io.stdout.write(JSON.stringify(report, null, 2) + '\n');
    else {
      io.stdout.write(`Release of request ${report.requestId}, approved by ${report.reviewer}, ${report.releasedFiles} file(s)\n`);
      for (const c of report.checks) io.stdout.write(`  ${c.ok ? 'ok  ' : 'FAIL'}  ${c.name}: ${c.detail}\n`);
      for (const w of report.warnings) io.stdout.write(`  note  ${w}\n`);
    }
    if (report.ok) {
      if (!values.json) io.stdout.write('Verified.\n');
      return ExitCode.ok;
    }
    const failed = report.checks.filter((c) => !c.ok);
    io.stderr.write(`represent verify: FAILED: ${failed.map((c) => `${c.name}: ${c.detail}`).join(' | ')}\n`);
    return ExitCode.checkFailed;
  },
};
