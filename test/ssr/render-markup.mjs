// Run by test/ssr/plugin.mjs in a Node process of its own (Lit's DOM shim stays out of the test
// runner): renders the markup read from stdin, plain HTML with no bindings such as
// `<sales-funnel stages='[…]'></sales-funnel>`, through the bundled `sales-funnel/server` entry
// (`process.argv[2]`) and prints the HTML a server sends, declarative shadow roots included.
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import { text } from 'node:stream/consumers';
import { pathToFileURL } from 'node:url';

await import(pathToFileURL(process.argv[2]).href);
const markup = await text(process.stdin);
// A template of one static string: what a server's own template would hold for this markup.
const strings = Object.assign([markup], { raw: [markup] });
process.stdout.write(await collectResult(render(html(strings))));
