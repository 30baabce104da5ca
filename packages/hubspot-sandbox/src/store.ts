import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

import {
  type Owner,
  type Property,
  type PropertyGroup,
  type PropertyHistoryEntry,
} from '@why-they-care/hubspot-contract';

import { type SandboxFile } from './routes/files';

/** The sandbox's whole state: what a small HubSpot account holds. Serialisable as JSON. */
export type SandboxProperty = Property;

/** A record's values ('' for none) and their histories, newest first. */
export type SandboxRecord = {
  id: string;
  properties: Record<string, string>;
  history: Record<string, PropertyHistoryEntry[]>;
  associations: { companies: string[] };
  createdAt: string;
  updatedAt: string;
};

export type SandboxOwner = Owner;

export type SandboxState = {
  portalId: string;
  nextId: number;
  groups: PropertyGroup[];
  properties: Record<string, SandboxProperty>;
  companies: Record<string, SandboxRecord>;
  tasks: Record<string, SandboxRecord>;
  /** Contacts, associated with companies (older data files have none). */
  contacts?: Record<string, SandboxRecord>;
  lists: Record<string, Record<string, unknown> & { listId: string; name: string }>;
  flows: Record<string, Record<string, unknown> & { id: string; name?: string; revisionId: string }>;
  owners: SandboxOwner[];
  /** The File Manager's files by id (see routes/files.ts). */
  files?: Record<string, SandboxFile>;
  /**
   * Not HubSpot's: settings the program serving the sandbox keeps with its data, for its commands in other
   * shells (npm start keeps its AUTOMATION_MODE). Forgotten on reset, with the rest.
   */
  runnerSettings?: Record<string, string>;
  /** Workflow enrollments by `${flowId}:${companyId}` (see workflow-runner.ts). */
  enrollments?: Record<
    string,
    { matching: boolean; enrolledOnce: boolean; waitingAt: string | null; seen?: Record<string, string> }
  >;
};

export type SandboxStore = {
  state: SandboxState;
  newId: () => string;
  /** Call after every change: the file is rewritten shortly after, in one go. */
  changed: () => void;
  flush: () => void;
};

const SAVE_DELAY_MS = 100;

export const createStore = (initial: SandboxState, file: string | null): SandboxStore => {
  let state = initial;
  if (file) {
    try {
      state = JSON.parse(readFileSync(file, 'utf8')) as SandboxState;
    } catch {
      state = initial;
    }
  }
  let timer: NodeJS.Timeout | null = null;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!file) return;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(`${file}.tmp`, JSON.stringify(state));
    renameSync(`${file}.tmp`, file);
  };
  const store: SandboxStore = {
    get state() {
      return state;
    },
    newId: () => String((state.nextId += 1)),
    changed: () => {
      if (file && !timer) timer = setTimeout(flush, SAVE_DELAY_MS);
    },
    flush,
  };
  flush();
  return store;
};
