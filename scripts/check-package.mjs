#!/usr/bin/env node
// Fails (exit 1) when the package, as `npm pack` makes it from the last `npm run build`, would
// break a user: publint (strict), @arethetypeswrong/cli (`--profile esm-only`, the script-tag
// files included), an export that a resolver knowing only the `default` condition cannot
// follow, or one of two tiny consumer apps installed from the tarball failing its type check:
// React 19 + TypeScript (`tsc --noEmit`: JSX elements, events, the @lit/react wrappers) and
// Vue 3 (`vue-tsc`: global components, props and listeners). Each app also holds an expected
// error (a number where `stages` wants a list), so types that accept anything fail the check.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { root } from '../bench/lib.mjs';

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const failures = [];
const bin = (name) => join(root, 'node_modules/.bin', name);
/** Runs a command; on failure records its output under `what`. */
async function run(what, command, args) {
  const started = Date.now();
  try {
    await promisify(execFile)(command, args, { cwd: root, encoding: 'utf8' });
    console.log(`  ${what}: ok (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (e) {
    failures.push(`${what}:\n${`${e.stdout ?? ''}${e.stderr ?? ''}`.trim().slice(0, 4000)}`);
  }
}

// Every export resolves with `default` alone (types aside), to a file that exists.
for (const [name, target] of Object.entries(pkg.exports)) {
  const file = typeof target === 'string' ? target : target.default;
  const extra =
    typeof target === 'string' ? ['default'] : Object.keys(target).filter((k) => k !== 'types');
  if (!file || extra.join() !== 'default') failures.push(`exports["${name}"]: only "default"`);
  else if (!existsSync(join(root, file))) failures.push(`exports["${name}"]: ${file} is missing`);
}

const work = mkdtempSync(join(tmpdir(), 'sales-funnel-pack-'));
try {
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }),
  );
  const tarball = join(work, packed[0].filename);
  const checks = [
    run('attw --profile esm-only', bin('attw'), [
      tarball,
      '--profile',
      'esm-only',
      '--format',
      'ascii',
    ]),
  ];

  // The package from the tarball; its dependencies and the frameworks linked from this checkout.
  const modules = join(work, 'node_modules');
  mkdirSync(join(modules, 'sales-funnel'), { recursive: true });
  execFileSync('tar', [
    '-xzf',
    tarball,
    '-C',
    join(modules, 'sales-funnel'),
    '--strip-components=1',
  ]);
  const linked = [
    ...Object.keys(pkg.dependencies),
    'react',
    '@types/react',
    'vue',
    '@vue/runtime-core',
    '@vue/runtime-dom',
    '@vue/reactivity',
    '@vue/shared',
    'csstype',
  ];
  // publint on exactly the files published (strict: warnings fail too).
  const lint = await publint({ pkgDir: join(modules, 'sales-funnel'), pack: false, strict: true });
  for (const message of lint.messages) {
    failures.push(`publint ${message.type}: ${formatMessage(message, lint.pkg, { color: false })}`);
  }
  for (const name of linked) {
    const from = join(root, 'node_modules', name);
    if (!existsSync(from)) continue;
    mkdirSync(dirname(join(modules, name)), { recursive: true });
    symlinkSync(from, join(modules, name), 'dir');
  }
  const write = (path, text) => {
    mkdirSync(dirname(join(work, path)), { recursive: true });
    writeFileSync(join(work, path), text);
  };
  const compilerOptions = {
    target: 'ES2022',
    module: 'ESNext',
    moduleResolution: 'Bundler',
    lib: ['ES2023', 'DOM', 'DOM.Iterable'],
    strict: true,
    noEmit: true,
    // As apps set it; check-build.mjs checks the package's declarations themselves, strictly.
    skipLibCheck: true,
    types: [],
  };

  write(
    'react/tsconfig.json',
    JSON.stringify({
      compilerOptions: { ...compilerOptions, jsx: 'react-jsx' },
      include: ['*.tsx'],
    }),
  );
  write(
    'react/app.tsx',
    `import 'sales-funnel/funnel';
import type {} from 'sales-funnel/react';
import { SalesFunnel } from 'sales-funnel/react';
import type { StageSelectedEvent } from 'sales-funnel/funnel';

const stages = [{ name: 'Leads', value: 100 }, { name: 'Won', value: 9 }];
export const Native = () => (
  <sales-funnel
    stages={stages}
    preset="saas-b2b"
    orientation="horizontal"
    onstage-selected={(e: StageSelectedEvent) => console.log(e.detail.stage.toUpperCase())}
  />
);
export const Wrapped = () => (
  <SalesFunnel stages={stages} noPayoff onStageSelected={(e) => e.detail.index.toFixed(0)} />
);
// @ts-expect-error: stages is a list (or its JSON), not a number
export const Wrong = () => <sales-funnel stages={42} />;
// @ts-expect-error: the detail has no such field
export const WrongEvent = () => <SalesFunnel onStageSelected={(e) => e.detail.nope} />;
export const el: HTMLElementTagNameMap['sales-funnel'] = document.createElement('sales-funnel');
`,
  );
  checks.push(
    run('React 19 consumer (tsc --noEmit)', process.execPath, [
      join(root, 'node_modules/typescript/bin/tsc'),
      '-p',
      join(work, 'react'),
    ]),
  );

  write(
    'vue/tsconfig.json',
    JSON.stringify({
      compilerOptions,
      include: ['*.ts', '*.vue'],
      vueCompilerOptions: { strictTemplates: true },
    }),
  );
  write('vue/env.ts', `import type {} from 'sales-funnel/vue';\nimport 'sales-funnel/funnel';\n`);
  write(
    'vue/App.vue',
    `<script setup lang="ts">
import type { StageSelectedEvent } from 'sales-funnel/funnel';
const stages = [{ name: 'Leads', value: 100 }, { name: 'Won', value: 9 }];
const picked = (e: StageSelectedEvent) => e.detail.stage;
</script>
<template>
  <sales-funnel :stages="stages" orientation="vertical" @stage-selected="picked" />
  <!-- @vue-expect-error stages is a list (or its JSON), not a number -->
  <sales-funnel :stages="42" />
</template>
`,
  );
  checks.push(
    run('Vue 3 consumer (vue-tsc)', process.execPath, [
      join(root, 'node_modules/vue-tsc/bin/vue-tsc.js'),
      '--noEmit',
      '-p',
      join(work, 'vue'),
    ]),
  );
  // `sales-funnel/svg` from the tarball in plain Node (no DOM, no shim): a chart and a refusal.
  write(
    'node/svg.mjs',
    `import { renderFunnelSvg, FunnelSvgError } from 'sales-funnel/svg';
const svg = renderFunnelSvg([{ name: 'Leads', value: 100 }, { name: 'Won', value: 9 }]);
if (!/^<svg[^>]*>.*Leads.*<\\/svg>$/s.test(svg)) throw new Error('no chart: ' + svg.slice(0, 200));
try {
  renderFunnelSvg([{ name: 'Leads', value: -1 }]);
  throw new Error('a negative count was drawn');
} catch (e) {
  if (!(e instanceof FunnelSvgError) || e.field !== 'data') throw e;
}
`,
  );
  checks.push(run('sales-funnel/svg in Node', process.execPath, [join(work, 'node/svg.mjs')]));
  await Promise.all(checks);
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (failures.length) {
  console.error('package check failed:');
  for (const f of failures) console.error(`- ${f}`);
  process.exit(1);
}
console.log(
  'package check: publint and attw (esm-only) clean, every export resolves with "default", ' +
    'a React 19 and a Vue 3 app type-check against the packed tarball, sales-funnel/svg runs in Node',
);
