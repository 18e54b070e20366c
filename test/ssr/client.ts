import { executeServerCommand } from '@web/test-runner-commands';

/**
 * The HTML a server sends for `markup` (plain HTML, no bindings), rendered by the
 * `sales-funnel/server` entry under @lit-labs/ssr in Node (test/ssr/plugin.mjs).
 */
export async function serverRender(markup: string): Promise<string> {
  const reply = await executeServerCommand<{ html: string }, { markup: string }>('ssr-render', {
    markup,
  });
  return reply.html;
}

/** Every console error and warning, and every uncaught error, from now until `restore()`. */
export function consoleProblems(): { seen: string[]; restore: () => void } {
  const seen: string[] = [];
  const { error, warn } = console;
  const record =
    (kind: string, original: (...args: unknown[]) => void) =>
    (...args: unknown[]) => {
      seen.push(`${kind}: ${args.map(String).join(' ')}`);
      original.apply(console, args);
    };
  console.error = record('error', error);
  console.warn = record('warning', warn);
  const uncaught = (e: ErrorEvent) => seen.push(`uncaught: ${e.message}`);
  const rejected = (e: PromiseRejectionEvent) => seen.push(`unhandled: ${String(e.reason)}`);
  window.addEventListener('error', uncaught);
  window.addEventListener('unhandledrejection', rejected);
  return {
    seen,
    restore() {
      Object.assign(console, { error, warn });
      window.removeEventListener('error', uncaught);
      window.removeEventListener('unhandledrejection', rejected);
    },
  };
}

/**
 * What a shadow root shows, as text: each element with its attributes (a `style` by the custom
 * properties it sets) and each text, whitespace collapsed. Left out: comments (Lit's markers,
 * which a server writes and a browser does not) and `<style>` elements (a server writes the
 * element's styles into its shadow root; a browser adopts them as constructed sheets).
 */
export function shadowSnapshot(root: ShadowRoot): string {
  const lines: string[] = [];
  const walk = (node: Node, depth: number) => {
    for (const child of node.childNodes) {
      if (child instanceof Text) {
        const text = child.data.replace(/\s+/g, ' ').trim();
        if (text) lines.push(`${' '.repeat(depth)}"${text}"`);
      } else if (child instanceof Element && child.localName !== 'style') {
        const attrs = [...child.attributes]
          .filter((a) => a.name !== 'style')
          .map((a) => `${a.name}="${a.value}"`)
          .sort();
        const style = (child as HTMLElement).style;
        const props = style ? [...style].filter((p) => p.startsWith('--')) : [];
        attrs.push(...props.map((p) => `${p}:${style.getPropertyValue(p).trim()}`));
        lines.push(`${' '.repeat(depth)}<${child.localName} ${attrs.join(' ')}>`);
        walk(child, depth + 1);
      }
    }
  };
  walk(root, 0);
  return lines.join('\n');
}
