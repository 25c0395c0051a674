#!/usr/bin/env node
/**
 * Bundles the browser screens (Preact + TSX in src/ui/client) and their styles (NL Design System, RVO theme) into
 * dist/ui: content-hashed files under assets/, and an index.html that names them, which the API serves at /ui/.
 */
'use strict';
const esbuild = require('esbuild');
const { createHash } = require('node:crypto');
const { mkdirSync, rmSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const outDir = path.join(root, 'dist', 'ui');
const assetsDir = path.join(outDir, 'assets');
// The public path the server mounts dist/ui at; see UI_BASE_PATH in src/ui/ui-bundle.ts.
const publicPath = '/ui';
// The tab icon: the blue ribbon of the Rijkshuisstijl, as in the page header.
const ICON_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 32"><rect width="16" height="32" fill="#154273"/></svg>';

async function main() {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(assetsDir, { recursive: true });
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: { app: 'src/ui/client/main.tsx', styles: 'src/ui/client/styles/app.css' },
    outdir: assetsDir,
    entryNames: '[name]-[hash]',
    assetNames: '[name]-[hash]',
    publicPath: `${publicPath}/assets`,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022', 'chrome120', 'firefox120', 'safari16'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify: true,
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
    // The client tsconfig is for type checking only; esbuild needs nothing from it but the JSX settings above.
    tsconfig: 'src/ui/client/tsconfig.json',
    // Icons the CSS names become hashed files beside it: the page's policy allows images from its own origin only.
    loader: { '.svg': 'file' },
  });
  const outputs = Object.entries(result.metafile.outputs);
  const fileOf = (entry) => {
    const found = outputs.find(([, output]) => output.entryPoint === entry);
    if (!found) throw new Error(`esbuild wrote no output for ${entry}`);
    return `${publicPath}/assets/${path.basename(found[0])}`;
  };
  const iconName = `icon-${createHash('sha256').update(ICON_SVG).digest('hex').slice(0, 8)}.svg`;
  writeFileSync(path.join(assetsDir, iconName), ICON_SVG);
  const icon = `${publicPath}/assets/${iconName}`;
  writeFileSync(path.join(outDir, 'index.html'), indexHtml(fileOf('src/ui/client/main.tsx'), fileOf('src/ui/client/styles/app.css'), icon));
  const size = outputs.filter(([file]) => !file.endsWith('.map')).reduce((sum, [, output]) => sum + output.bytes, 0);
  console.log(`ui: ${path.relative(root, outDir)} (${Math.round(size / 1024)} KiB)`);
}

// No inline script or style: the page's Content-Security-Policy allows only files from the same origin.
function indexHtml(script, stylesheet, icon) {
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Vliegende Brigade</title>
<link rel="icon" href="${icon}" type="image/svg+xml">
<link rel="stylesheet" href="${stylesheet}">
<script type="module" src="${script}"></script>
</head>
<body class="rvo-theme">
<div id="app"><noscript>Deze pagina heeft JavaScript nodig. / This page needs JavaScript.</noscript></div>
</body>
</html>
`;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
