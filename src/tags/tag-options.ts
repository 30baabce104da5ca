import { PROPERTIES, TAG_KINDS, type TagOptions } from '@why-they-care/domain';
import { type Logger } from 'pino';

import { type PropertiesApi } from '../hubspot/properties';

export const TAG_OPTIONS_REFRESH_MS = 5 * 60 * 1000;
const RETRY_MS = 30 * 1000;

const PROPERTY_OF = { valueThemes: PROPERTIES.valueThemes.name, concerns: PROPERTIES.concerns.name } as const;

/**
 * The account's tag lists (value themes, concerns): the options of two HubSpot properties that the admin
 * edits. Read when the backend starts and again every 5 minutes in the background, one call each time,
 * so loading a card or counting the home page never pays for them; an edit in HubSpot shows within minutes.
 */
export const createTagOptions = (deps: { properties: PropertiesApi; logger: Logger; refreshEveryMs?: number }) => {
  let options: TagOptions | null = null;
  let loading: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let running = false;

  const schedule = (inMs: number) => {
    if (!running) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void load(), inMs);
    timer.unref();
  };

  const load = (): Promise<void> => {
    loading ??= deps.properties
      .visibleOptions(Object.values(PROPERTY_OF))
      .then(
        (byProperty) => {
          const known = TAG_KINDS.every((kind) => byProperty[PROPERTY_OF[kind]]);
          if (!known) {
            deps.logger.warn('the tag properties are missing in HubSpot: run setup');
            schedule(RETRY_MS);
            return;
          }
          options = {
            valueThemes: byProperty[PROPERTY_OF.valueThemes] ?? [],
            concerns: byProperty[PROPERTY_OF.concerns] ?? [],
          };
          schedule(deps.refreshEveryMs ?? TAG_OPTIONS_REFRESH_MS);
        },
        (error: unknown) => {
          deps.logger.warn({ err: error }, 'the tag options could not be read from HubSpot; retrying');
          schedule(RETRY_MS);
        },
      )
      .finally(() => {
        loading = null;
      });
    return loading;
  };

  return {
    /** Reads the lists now and keeps them fresh; settles once this first reading has (whatever its outcome). */
    start: (): Promise<void> => {
      running = true;
      return load();
    },
    stop: () => {
      running = false;
      if (timer) clearTimeout(timer);
    },
    /** The lists as last read, or null before the first reading (or while HubSpot refuses it). */
    current: (): TagOptions | null => options,
    /** The lists, waiting for the first reading if it is under way: only the first requests after a start wait. */
    known: async (): Promise<TagOptions | null> => {
      if (!options && loading) await loading;
      return options;
    },
  };
};

export type TagOptionsSource = ReturnType<typeof createTagOptions>;
