import {
  type SortedTableHeaderProps,
  type TableCellProps,
  type TableElementProps,
  type TableHeaderProps,
  type TableProps,
} from '@hubspot/ui-extensions';

import { classes, testIdOf } from './shared';

const widthOf = (width: TableCellProps['width']) =>
  typeof width === 'number' ? `${width}px` : width === 'min' ? '1%' : width === 'max' ? '100%' : undefined;

const pagesAround = (page: number, pageCount: number, visible: number) => {
  const first = Math.max(1, Math.min(page - Math.floor(visible / 2), pageCount - visible + 1));
  return Array.from({ length: Math.min(visible, pageCount) }, (_, at) => first + at);
};

const Pagination = (props: Extract<TableProps, { paginated: true }>) => {
  const { pageCount, page = 1, onPageChange, showButtonLabels = true, showFirstLastButtons } = props;
  const go = (target: number) => void onPageChange(target);
  return (
    <nav className="hs-pagination" aria-label="Pages">
      {showFirstLastButtons && (
        <button type="button" disabled={page <= 1} onClick={() => go(1)}>
          {showButtonLabels ? 'First' : '«'}
        </button>
      )}
      <button type="button" disabled={page <= 1} onClick={() => go(page - 1)}>
        {showButtonLabels ? 'Prev' : '‹'}
      </button>
      {pagesAround(page, pageCount, props.maxVisiblePageButtons ?? 5).map((number) => (
        <button
          key={number}
          type="button"
          aria-current={number === page ? 'page' : undefined}
          className={classes(number === page && 'hs-pagination__current')}
          onClick={() => go(number)}
        >
          {number}
        </button>
      ))}
      <button type="button" disabled={page >= pageCount} onClick={() => go(page + 1)}>
        {showButtonLabels ? 'Next' : '›'}
      </button>
      {showFirstLastButtons && (
        <button type="button" disabled={page >= pageCount} onClick={() => go(pageCount)}>
          {showButtonLabels ? 'Last' : '»'}
        </button>
      )}
    </nav>
  );
};

export const Table = (props: TableProps) => (
  <div className="hs-table-wrapper">
    <table
      className={classes(
        'hs-table',
        props.bordered !== false && 'hs-table--bordered',
        props.flush && 'hs-table--flush',
        `hs-table--${props.density ?? 'default'}`,
      )}
      {...testIdOf(props.testId)}
    >
      {props.children}
    </table>
    {props.paginated && <Pagination {...props} />}
  </div>
);

export const TableHead = ({ testId, children }: TableElementProps) => <thead {...testIdOf(testId)}>{children}</thead>;
export const TableBody = ({ testId, children }: TableElementProps) => <tbody {...testIdOf(testId)}>{children}</tbody>;
export const TableFooter = ({ testId, children }: TableElementProps) => <tfoot {...testIdOf(testId)}>{children}</tfoot>;
export const TableRow = ({ testId, children }: TableElementProps) => <tr {...testIdOf(testId)}>{children}</tr>;

const NEXT_SORT = { none: 'ascending', ascending: 'descending', descending: 'none' } as const;

const isSorted = (props: TableHeaderProps): props is SortedTableHeaderProps =>
  props.sortDirection !== undefined && props.sortDirection !== 'never';

const SORT_ARROW = { none: ' ↕', ascending: ' ▲', descending: ' ▼' } as const;

export const TableHeader = (props: TableHeaderProps) => (
  <th
    style={{ textAlign: props.align, width: widthOf(props.width) }}
    aria-sort={isSorted(props) ? props.sortDirection : undefined}
    {...testIdOf(props.testId)}
  >
    {isSorted(props) ? (
      <button
        type="button"
        className="hs-table__sort"
        disabled={props.disabled}
        onClick={() => void props.onSortChange(NEXT_SORT[props.sortDirection])}
      >
        {props.children}
        <span aria-hidden="true">{SORT_ARROW[props.sortDirection]}</span>
      </button>
    ) : (
      props.children
    )}
  </th>
);

export const TableCell = ({ align, width, colSpan, testId, children }: TableCellProps) => (
  <td style={{ textAlign: align, width: widthOf(width) }} colSpan={colSpan} {...testIdOf(testId)}>
    {children}
  </td>
);
