import { type ImportReport } from './import-answers';

/** The summary a person reads after an import: what was written, and every row that was not, and why. */
export const formatImportReport = (report: ImportReport): string => {
  const lines = [
    report.dryRun
      ? `Dry run: ${report.written} companies would be written, ${report.unchanged} already hold these values; nothing was written.`
      : `Imported: ${report.written} companies written, ${report.unchanged} already held these values` +
        (report.reRecruitTasks ? `, ${report.reRecruitTasks} re-recruit tasks created.` : '.'),
    `${report.rows} rows read, ${report.problems.length ? `${new Set(report.problems.map((problem) => problem.line)).size} not imported:` : 'all good.'}`,
    ...report.problems.map((problem) => `  line ${problem.line}, ${problem.column}: ${problem.reason}`),
  ];
  return lines.join('\n');
};
