import type { ReactiveControllerHost, TemplateResult } from 'lit';
import { LazyModule, loadModule } from '../../controllers/lazy-module.js';
import { loadLaterStrings } from '../later-texts.js';
import type { BoardFiles, BoardFilesOptions } from './board-files.js';
import type { BoardNotices } from './board-notices.js';

type FilesModule = typeof import('./board-files.js');

/**
 * Files in and out (the import step, CSV and JSON, the sample) and their texts, loaded on first
 * use: an action waits for them; offline, a notice says so and its "Try again" runs the action
 * again.
 */
export class BoardFilesLoader {
  private readonly code: LazyModule<FilesModule>;
  private files?: BoardFiles;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly notices: BoardNotices,
    private readonly options: BoardFilesOptions,
  ) {
    this.code = new LazyModule(
      () => Promise.all([import('./board-files.js'), loadLaterStrings()]).then(([m]) => m),
      () => host.requestUpdate(),
    );
  }

  /** An import is under way. */
  get importing(): boolean {
    return Boolean(this.files?.importing);
  }

  /** Runs `use` with the file code, once it has arrived; the board's work until it has ended. */
  use(use: (files: BoardFiles) => unknown): Promise<void> {
    const run = async () => {
      let code: FilesModule;
      try {
        code = await loadModule(this.code);
      } catch (e) {
        this.notices.loadFailed(e, () => this.use(use));
        return;
      }
      this.files ??= new code.BoardFiles(this.host, this.options);
      await use(this.files);
    };
    return this.options.work.track(run());
  }

  /** The file picker's change: the file chosen goes to the import step. */
  chosen(e: Event): void {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) void this.use((files) => files.take(file));
  }

  /** The import step, once the code has arrived. */
  render(): (TemplateResult | undefined)[] | undefined {
    return this.files?.render();
  }
}
