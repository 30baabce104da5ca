import { type AllDistances, type Reactions } from '@hubspot/ui-extensions';

/** Canvas spacing steps, by the names HubSpot's props use. */
const SPACING: Record<AllDistances, number> = {
  flush: 0,
  'extra-small': 4,
  xs: 4,
  small: 8,
  sm: 8,
  medium: 16,
  md: 16,
  large: 24,
  lg: 24,
  'extra-large': 32,
  xl: 32,
};

export const space = (distance: AllDistances | undefined, fallback: AllDistances = 'flush') =>
  `${SPACING[distance ?? fallback]}px`;

/** HubSpot's testId prop, as the attribute browser tests look for. */
export const testIdOf = (testId: string | undefined) => (testId ? { 'data-testid': testId } : {});

export const classes = (...names: (string | false | null | undefined)[]) => names.filter(Boolean).join(' ');

/** Short sizes and their long aliases name the same size. */
export const sizeName = (size: string | undefined, fallback: 'xs' | 'sm' | 'md') =>
  ({ 'extra-small': 'xs', small: 'sm', medium: 'md' })[size ?? ''] ?? size ?? fallback;

let eventCount = 0;

/** The event HubSpot hands to onClick handlers (an ExtensionEvent): plain data, no DOM. */
export const extensionEvent = (event: { type: string; timeStamp: number }) => ({
  type: event.type,
  bubbles: true,
  timeStamp: event.timeStamp,
  id: `preview-event-${(eventCount += 1)}`,
});

const unsupportedReaction = (name: string) => () =>
  console.warn(`${name} is not supported in the local preview: panels and modals only open in HubSpot.`);

/** The second argument of onClick handlers: the preview opens no panels or modals. */
export const REACTIONS: Reactions = {
  openPanel: unsupportedReaction('openPanel'),
  closePanel: unsupportedReaction('closePanel'),
  openModal: unsupportedReaction('openModal'),
  closeModal: unsupportedReaction('closeModal'),
};
