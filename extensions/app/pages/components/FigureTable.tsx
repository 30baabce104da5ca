import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@hubspot/ui-extensions';
import { type ReactNode } from 'react';

/** A small table of figures: a header row, then rows whose first cell names what is counted. */
export const FigureTable = ({
  headers,
  rows,
  testId,
}: {
  headers: string[];
  rows: { key: string; cells: ReactNode[] }[];
  testId?: string;
}) => (
  <Table bordered density="condensed" testId={testId}>
    <TableHead>
      <TableRow>
        {headers.map((header, index) => (
          <TableHeader key={header} align={index === 0 ? 'left' : 'right'}>
            {header}
          </TableHeader>
        ))}
      </TableRow>
    </TableHead>
    <TableBody>
      {rows.map((row) => (
        <TableRow key={row.key}>
          {row.cells.map((cell, index) => (
            <TableCell key={index} align={index === 0 ? 'left' : 'right'}>
              {cell}
            </TableCell>
          ))}
        </TableRow>
      ))}
    </TableBody>
  </Table>
);
