// electron-builder configuration for Represent (electron-builder 26). Read build/PACKAGING.md
// first: packaging needs the Electron zip, electron-builder's toolsets and Electron's headers for
// the better-sqlite3 rebuild, so it runs on a connected (or pre-seeded) build host, never in CI.
//
//   npx electron-builder --config build/electron-builder.config.mjs --linux --publish never
//   npx electron-builder --config build/electron-builder.config.mjs --win   --publish never   (on Windows)
//
// Environment:
//   REPRESENT_ELECTRON_DIST  folder holding electron-v<version>-<platform>-<arch>.zip (or an
//                            unpacked Electron): skips the download entirely (offline hosts).
//   REPRESENT_E2E_BUILD=1    keeps the inspect fuse on so Playwright's _electron can drive the
//                            build (see build/fuses.mjs). Never ship such a build.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const electronDist = process.env.REPRESENT_ELECTRON_DIST ? path.resolve(process.env.REPRESENT_ELECTRON_DIST) : undefined;

/** @type {import('electron-builder').Configuration} */
export default {
  appId: 'uk.nhs.represent',
  productName: 'Represent',
  copyright: 'Represent contributors',
  directories: {
    // Paths below are relative to the project root, not to this file.
    app: '.',
    output: 'dist',
    buildResources: 'build/resources',
  },
  // Only the built app goes in: no sources, no tests, no test bridge (test/ is never listed),
  // no source maps. node_modules are added by electron-builder from "dependencies" only.
  files: ['package.json', 'out/app/**/*', 'out/renderer/**/*', '!**/*.map'],
  asar: true,
  // Worker threads start from real files; native addons cannot load from inside an archive.
  // The data host (out/app/api-host.mjs) stays packed: utilityProcess.fork loads it through
  // Electron's asar support, and its better-sqlite3 import must resolve from app.asar/node_modules
  // (only the .node binary is unpacked). Not yet tried on a packaged build here (no Electron binary).
  asarUnpack: ['out/app/profile-worker.mjs', '**/*.node'],
  // Rebuild better-sqlite3 against Electron's headers at package time (needs ~/.electron-gyp
  // seeded, or a connection: see PACKAGING.md).
  npmRebuild: true,
  nodeGypRebuild: false,
  buildDependenciesFromSource: false,
  ...(electronDist ? { electronDist } : {}),
  // No auto-update, no publishing: updates go through the TRE's software-ingress process.
  publish: null,
  afterPack: path.join(here, 'fuses.mjs'),
  afterAllArtifactBuild: path.join(here, 'release-evidence.mjs'),

  win: {
    target: [
      { target: 'nsis', arch: ['x64'] },
      { target: 'msi', arch: ['x64'] },
    ],
    // Sign the native addon too: AppLocker/WDAC publisher rules judge every binary. Signing
    // itself (Azure Trusted Signing or a token) is configured on the build host: PACKAGING.md.
    signExts: ['.node'],
  },
  nsis: {
    oneClick: false,
    perMachine: true,
    allowElevation: true,
    allowToChangeInstallationDirectory: true,
    // The local database is the user's work: uninstalling must not delete it.
    deleteAppDataOnUninstall: false,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    artifactName: '${productName}-Setup-${version}-${arch}.${ext}',
  },
  msi: {
    // For SCCM / Intune / Group Policy: installs machine-wide and quietly with msiexec /qn.
    perMachine: true,
    oneClick: true,
    createDesktopShortcut: false,
    artifactName: '${productName}-${version}-${arch}.${ext}',
  },

  linux: {
    target: [
      { target: 'deb', arch: ['x64'] },
      { target: 'AppImage', arch: ['x64'] },
    ],
    category: 'Science',
    maintainer: 'Represent contributors',
    synopsis: 'Offline dataset representation checks for trusted research environments',
  },
  deb: {
    // The deb sets chrome-sandbox up correctly, so the Chromium sandbox works: prefer it.
    artifactName: '${name}_${version}_${arch}.${ext}',
  },
  appImage: {
    // AppImages need FUSE 2 and abort under Ubuntu ≥ 23.10's AppArmor user-namespace rule unless
    // run with --no-sandbox, which a TRE must not do. Offered for desktops where neither applies.
    artifactName: '${productName}-${version}-${arch}.${ext}',
  },
};
