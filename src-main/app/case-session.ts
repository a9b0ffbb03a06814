import { existsSync } from 'node:fs';
import { ApiError, type CaseInfo, type VigilApi, type VigilEvent } from '../../src-shared/api.js';
import { createService, type CaseService, type DesktopHooks } from '../engine/service.js';
import { openCase, type CaseDatabase } from '../engine/store/database.js';

/** The desktop's one open case, which the user can switch; the IPC binding always reaches the current one. */
export interface CaseSession {
  /** The contract of the case open now. */
  api(): VigilApi;
  path(): string;
  /** Close the current case and open (or create) another; emits caseChanged. */
  switchTo(path: string): Promise<CaseInfo>;
  close(): Promise<void>;
}

/** Open `initialPath` and keep it switchable; `desktop` supplies the dialogs the service cannot show. */
export function createCaseSession(initialPath: string, options: {
  emit(event: VigilEvent): void;
  desktop(session: CaseSession): Omit<DesktopHooks, 'openCase' | 'newCase'>;
  onOpened(path: string): void;
}): CaseSession {
  let db: CaseDatabase;
  let service: CaseService;
  let currentPath = initialPath;

  const session: CaseSession = {
    api: () => service,
    path: () => currentPath,
    async switchTo(path) {
      // Let a running import commit its batch before the database closes under it.
      await service.dispose();
      db.close();
      open(path);
      const info = await service.caseInfo();
      options.emit({ type: 'caseChanged', info });
      return info;
    },
    async close() {
      await service.dispose();
      db.close();
    },
  };

  function open(path: string): void {
    db = openCase(path);
    currentPath = path;
    service = createService({
      db,
      path,
      mode: 'desktop',
      actor: 'desktop',
      emit: options.emit,
      desktop: {
        ...options.desktop(session),
        openCase: async (file) => {
          if (!existsSync(file)) throw new ApiError('NotFound', `no case file at ${file}`);
          return session.switchTo(file);
        },
        newCase: async (file) => {
          if (existsSync(file)) throw new ApiError('ValidationError', `${file} already exists; open it instead of creating it`);
          return session.switchTo(file);
        },
      },
    });
    options.onOpened(path);
  }

  open(initialPath);
  return session;
}
