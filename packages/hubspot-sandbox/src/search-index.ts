/**
 * HubSpot's CRM search reads an index that trails writes by seconds, while reads by id and batch reads
 * see a write at once. The sandbox models that lag when asked (`searchLagMs`): search then matches and
 * returns each written record as it was `lagMs` ago. Real time, not the sandbox's clock: the lag is
 * about seconds between requests, whatever date the sandbox pretends it is.
 */
type Snapshot = Record<string, string>;

export const createSearchIndex = (lagMs: number, nowMs: () => number = Date.now) => {
  /** Per record: what search still shows, and the writes it has not caught up with (oldest first). */
  const behind = new Map<string, { shown: Snapshot; pending: { visibleAt: number; values: Snapshot }[] }>();

  return {
    /** Call after a write, with the values the record had before it. */
    written: (record: { id: string; properties: Snapshot }, before: Snapshot) => {
      if (lagMs <= 0) return;
      const entry = behind.get(record.id) ?? { shown: { ...before }, pending: [] };
      entry.pending.push({ visibleAt: nowMs() + lagMs, values: { ...record.properties } });
      behind.set(record.id, entry);
    },

    /** The record as search sees it now. */
    view: <T extends { id: string; properties: Snapshot }>(record: T): T => {
      const entry = behind.get(record.id);
      if (!entry) return record;
      for (let next = entry.pending[0]; next && next.visibleAt <= nowMs(); next = entry.pending[0]) {
        entry.shown = next.values;
        entry.pending.shift();
      }
      if (!entry.pending.length) {
        behind.delete(record.id);
        return record;
      }
      return { ...record, properties: entry.shown };
    },
  };
};

export type SearchIndex = ReturnType<typeof createSearchIndex>;
