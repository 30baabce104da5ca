/**
 * The HubSpot components the preview draws (components.tsx maps each to DOM). Any other one shows as an
 * "unsupported component" box; a test fails when the app imports a component missing here.
 */
export const PREVIEW_COMPONENTS = [
  'Alert',
  'BarChart',
  'Box',
  'Button',
  'ButtonRow',
  'DateInput',
  'Divider',
  'EmptyState',
  'ErrorState',
  'Flex',
  'Heading',
  'Input',
  'Link',
  'LoadingButton',
  'LoadingSpinner',
  'NumberInput',
  'ProgressBar',
  'Select',
  'Statistics',
  'StatisticsItem',
  'StatusTag',
  'Table',
  'TableBody',
  'TableCell',
  'TableFooter',
  'TableHead',
  'TableHeader',
  'TableRow',
  'Tag',
  'Text',
  'TextArea',
  'Tile',
  'ToggleGroup',
] as const;

export type PreviewComponentName = (typeof PREVIEW_COMPONENTS)[number];
