// electron-builder afterPack hook: flips Electron's fuses in the packaged binary, before code
// signing so the signature covers them (electron-engineering.md §2.2; Signal does the same in
// ts/scripts/fuse-electron.node.ts). Check a build with:
//   npx @electron/fuses read --app dist/linux-unpacked/represent
import path from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';

/**
 * The fuse values for a platform, by FuseV1Options name. `e2e` keeps the inspect fuse on, which
 * Playwright's _electron needs to attach; set REPRESENT_E2E_BUILD=1 only for test builds.
 */
export function fuseSettings({ platform, e2e }) {
  // ASAR integrity is enforced on macOS and Windows only (Electron docs); Signal enables it
  // only there too.
  const asarIntegrity = platform === 'darwin' || platform === 'mas' || platform === 'win32';
  return {
    // ELECTRON_RUN_AS_NODE would turn the signed binary into a general-purpose Node.
    RunAsNode: false,
    EnableCookieEncryption: true,
    // NODE_OPTIONS could inject code (--require) into the signed app.
    EnableNodeOptionsEnvironmentVariable: false,
    // --inspect would let anyone on the machine attach a debugger to the main process.
    EnableNodeCliInspectArguments: Boolean(e2e),
    EnableEmbeddedAsarIntegrityValidation: asarIntegrity,
    // Without this, integrity checks can be side-stepped by an app/ folder beside the asar.
    OnlyLoadAppFromAsar: true,
    LoadBrowserProcessSpecificV8Snapshot: false,
    // The UI comes from app://, so file:// needs none of its historical extra privileges.
    GrantFileProtocolExtraPrivileges: false,
    WasmTrapHandlers: true,
  };
}

/** The @electron/fuses config for flipFuses: every fuse set, so a new Electron fuse fails the build. */
export function fuseConfig({ platform, e2e }) {
  const config = { version: FuseVersion.V1, strictlyRequireAllFuses: true, resetAdHocDarwinSignature: platform === 'darwin' };
  for (const [name, value] of Object.entries(fuseSettings({ platform, e2e }))) {
    if (!(name in FuseV1Options)) throw new Error(`Unknown fuse ${name}: check @electron/fuses for this Electron version`);
    config[FuseV1Options[name]] = value;
  }
  return config;
}

/** Where electron-builder put the Electron binary for this platform. */
export function electronBinaryPath(context) {
  const { appOutDir, packager, electronPlatformName } = context;
  const productFilename = packager.appInfo.productFilename;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${productFilename}.app`);
    case 'win32':
      return path.join(appOutDir, `${productFilename}.exe`);
    default:
      return path.join(appOutDir, packager.executableName);
  }
}

export default async function afterPack(context) {
  const e2e = process.env.REPRESENT_E2E_BUILD === '1';
  const binary = electronBinaryPath(context);
  await flipFuses(binary, fuseConfig({ platform: context.electronPlatformName, e2e }));
  console.log(`  • fuses flipped in ${path.basename(binary)}${e2e ? ' (E2E build: inspect fuse left on)' : ''}`);
}
