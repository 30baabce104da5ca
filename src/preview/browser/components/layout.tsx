import {
  type BoxProps,
  type DividerProps,
  type FlexAlign,
  type FlexJustify,
  type FlexProps,
  type HeadingProps,
  type TextProps,
  type TileProps,
} from '@hubspot/ui-extensions';
import { type CSSProperties } from 'react';

import { classes, space, testIdOf } from './shared';

const JUSTIFY: Record<FlexJustify, CSSProperties['justifyContent']> = {
  start: 'flex-start',
  center: 'center',
  end: 'flex-end',
  around: 'space-around',
  between: 'space-between',
};
const ALIGN: Record<FlexAlign | 'auto', CSSProperties['alignItems']> = {
  start: 'flex-start',
  center: 'center',
  baseline: 'baseline',
  end: 'flex-end',
  stretch: 'stretch',
  auto: 'auto',
};

export const Flex = ({ direction = 'row', justify, align, alignSelf, wrap, gap, testId, children }: FlexProps) => (
  <div
    className={`hs-flex hs-flex--${direction}`}
    {...testIdOf(testId)}
    style={{
      flexDirection: direction,
      justifyContent: justify && JUSTIFY[justify],
      alignItems: align && ALIGN[align],
      alignSelf: alignSelf && ALIGN[alignSelf],
      flexWrap: wrap === true || wrap === 'wrap' ? 'wrap' : 'nowrap',
      gap: space(gap),
    }}
  >
    {children}
  </div>
);

export const Box = ({ alignSelf, flex, testId, children }: BoxProps) => (
  <div
    className="hs-box"
    {...testIdOf(testId)}
    style={{ alignSelf: alignSelf && ALIGN[alignSelf], flex: typeof flex === 'number' ? `${flex} 1 0%` : flex }}
  >
    {children}
  </div>
);

export const Tile = ({ compact, flush, testId, children }: TileProps) => (
  <div className={classes('hs-tile', compact && 'hs-tile--compact', flush && 'hs-tile--flush')} {...testIdOf(testId)}>
    {children}
  </div>
);

export const Divider = ({ distance, testId }: DividerProps) => (
  <hr className="hs-divider" {...testIdOf(testId)} style={{ marginBlock: space(distance, 'small') }} />
);

export const Heading = ({ inline, testId, children }: HeadingProps) => (
  <h2 className={classes('hs-heading', inline && 'hs-inline')} {...testIdOf(testId)}>
    {children}
  </h2>
);

const LINE_DECORATION = { none: 'none', underline: 'underline', strikethrough: 'line-through' } as const;
const FONT_WEIGHT = { regular: 400, demibold: 600, bold: 700 } as const;

export const Text = ({ variant = 'bodytext', inline, format = {}, truncate, testId, children }: TextProps) => {
  const Tag = inline ? 'span' : 'p';
  const maxWidth = typeof truncate === 'object' ? truncate.maxWidth : undefined;
  return (
    <Tag
      className={classes('hs-text', `hs-text--${variant}`, truncate && 'hs-text--truncate')}
      title={typeof truncate === 'object' ? truncate.tooltipText : undefined}
      {...testIdOf(testId)}
      style={{
        fontWeight: format.fontWeight && FONT_WEIGHT[format.fontWeight],
        fontStyle: format.italic ? 'italic' : undefined,
        textDecoration: format.lineDecoration && LINE_DECORATION[format.lineDecoration],
        textTransform:
          format.textTransform && format.textTransform !== 'sentenceCase' ? format.textTransform : undefined,
        maxWidth,
      }}
    >
      {children}
    </Tag>
  );
};
