// Builds the React renderer into out/renderer, served by the app:// protocol in Electron and by a
// 127.0.0.1 server in the browser tests. Everything is bundled locally: NHS.UK frontend's CSS
// asks for its Frutiger web font from assets.nhs.uk, so that @font-face is dropped here (the
// font stack falls back to Arial, as NHS.UK does when the font cannot load), and its icon URLs
// are pointed at the copies inside the package so Vite inlines them.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build, type InlineConfig } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Electron 45 bundles Chromium ≥ 150 (electron-engineering.md §5): don't emit anything newer. */
export const RENDERER_TARGET = 'chrome150';

interface PostcssNode {
  remove(): void;
}
interface AtRuleLike extends PostcssNode {
  params: string;
  nodes?: { type: string; prop?: string; value?: string }[];
}
interface DeclLike {
  value: string;
}

/** A PostCSS plugin (written inline: PostCSS is Vite's own dependency) that keeps CSS offline. */
export function offlineCss() {
  return {
    postcssPlugin: 'represent-offline-css',
    AtRule: {
      'font-face': (rule: AtRuleLike) => {
        const src = rule.nodes?.find((n) => n.type === 'decl' && n.prop === 'src')?.value ?? '';
        if (/url\(\s*["']?(https?:)?\/\//i.test(src)) rule.remove();
      },
      // "@media screen\0" is an Internet Explorer 8–10 hack that the CSS minifier cannot parse;
      // Chromium ignores those rules anyway.
      media: (rule: AtRuleLike) => {
        if (rule.params.includes('\\0')) rule.remove();
      },
    },
    Declaration(decl: DeclLike) {
      // nhsuk-frontend refers to its icons by site-absolute URL; resolve them inside the package.
      if (decl.value.includes('url(/assets/images/')) {
        decl.value = decl.value.replaceAll('url(/assets/images/', 'url(./assets/images/');
      }
    },
  };
}

export function rendererViteConfig(options: { outDir?: string } = {}): InlineConfig {
  return {
    root: path.join(root, 'renderer'),
    // Relative asset URLs work under app://represent/ and under any test server.
    base: './',
    logLevel: 'warn',
    mode: 'production',
    // Always React's production build, even when the caller runs with NODE_ENV=test (Vitest).
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    plugins: [react()],
    css: { postcss: { plugins: [offlineCss()] } },
    build: {
      outDir: options.outDir ?? path.join(root, 'out', 'renderer'),
      emptyOutDir: true,
      target: RENDERER_TARGET,
      // The polyfill is for browsers without modulepreload; Chromium has it.
      modulePreload: { polyfill: false },
      sourcemap: false,
      // Inline the icons (all small SVGs) so the CSS needs no further file.
      assetsInlineLimit: 8192,
      reportCompressedSize: false,
    },
  };
}

/**
 * Builds the renderer from code (the tests do this). Vite and the React plugin pick development
 * or production from NODE_ENV, which Vitest sets to "test": pin it to production for the build,
 * or React's JSX would be compiled for its development runtime.
 */
export async function buildRenderer(options: { outDir?: string } = {}): Promise<void> {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ ...rendererViteConfig(options), configFile: false, logLevel: 'error' });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
}

export default rendererViteConfig();
