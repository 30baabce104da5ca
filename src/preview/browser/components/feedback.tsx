import {
  type AlertProps,
  type EmptyStateProps,
  type ErrorStateProps,
  type LoadingSpinnerProps,
  type ProgressBarProps,
  type StatisticsItemProps,
  type StatisticsProps,
  type StatusTagProps,
  type TagProps,
} from '@hubspot/ui-extensions';

import { classes, extensionEvent, REACTIONS, sizeName, testIdOf } from './shared';

export const Alert = ({ title, variant = 'info', testId, children }: AlertProps) => (
  <div
    className={classes('hs-alert', `hs-alert--${variant === 'danger' ? 'error' : variant}`)}
    role={variant === 'error' || variant === 'danger' || variant === 'warning' ? 'alert' : 'status'}
    {...testIdOf(testId)}
  >
    <p className="hs-alert__title">{title}</p>
    {children && <div className="hs-alert__body">{children}</div>}
  </div>
);

/** HubSpot shows one of its illustrations (imageName) here; the preview has none of them. */
export const EmptyState = ({
  title,
  layout = 'horizontal',
  reverseOrder,
  flush,
  testId,
  children,
}: EmptyStateProps) => (
  <div
    className={classes(
      'hs-empty-state',
      `hs-empty-state--${layout}`,
      reverseOrder && 'hs-empty-state--reverse',
      flush && 'hs-empty-state--flush',
    )}
    {...testIdOf(testId)}
  >
    {title && <h3 className="hs-empty-state__title">{title}</h3>}
    <div className="hs-empty-state__body">{children}</div>
  </div>
);

export const ErrorState = ({ title, testId, children }: ErrorStateProps) => (
  <div className="hs-error-state" role="alert" {...testIdOf(testId)}>
    <h3 className="hs-error-state__title">{title ?? 'Something went wrong.'}</h3>
    <div className="hs-error-state__body">{children}</div>
  </div>
);

export const LoadingSpinner = ({ label, showLabel, size, layout = 'inline', testId }: LoadingSpinnerProps) => (
  <div className={classes('hs-loading', `hs-loading--${layout}`)} role="status" {...testIdOf(testId)}>
    <span className={classes('hs-spinner', `hs-spinner--${sizeName(size, 'sm')}`)} aria-hidden="true" />
    <span className={showLabel ? 'hs-loading__label' : 'hs-visually-hidden'}>{label}</span>
  </div>
);

export const ProgressBar = ({
  title,
  value = 0,
  maxValue,
  valueMax,
  valueDescription,
  showPercentage,
  variant = 'success',
  testId,
  ...rest
}: ProgressBarProps) => {
  const max = maxValue ?? valueMax ?? 100;
  const percent = max > 0 ? Math.min(100, Math.max(0, Math.round((value / max) * 100))) : 0;
  return (
    <div className="hs-progress" {...testIdOf(testId)}>
      {(title || showPercentage) && (
        <div className="hs-progress__header">
          {title && <span className="hs-progress__title">{title}</span>}
          {showPercentage && <span>{percent}%</span>}
        </div>
      )}
      <div
        className="hs-progress__track"
        role="progressbar"
        aria-label={rest['aria-label'] ?? title}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={value}
        aria-valuetext={valueDescription}
      >
        <div className={`hs-progress__fill hs-progress__fill--${variant}`} style={{ width: `${percent}%` }} />
      </div>
      {valueDescription && <p className="hs-progress__description">{valueDescription}</p>}
    </div>
  );
};

export const Tag = ({ variant = 'default', inline, onClick, overlay, testId, children }: TagProps) => (
  <>
    <span
      className={classes('hs-tag', `hs-tag--${variant}`, inline && 'hs-inline', onClick && 'hs-clickable')}
      onClick={onClick && ((event) => void onClick(extensionEvent(event), REACTIONS))}
      {...testIdOf(testId)}
    >
      {children}
    </span>
    {overlay}
  </>
);

export const StatusTag = ({
  variant = 'default',
  hollow,
  onClick,
  showRemoveIcon,
  onRemoveClick,
  testId,
  children,
}: StatusTagProps) => (
  <span
    className={classes('hs-status-tag', onClick && 'hs-clickable')}
    onClick={onClick && (() => void onClick())}
    {...testIdOf(testId)}
  >
    <span className={classes('hs-status-tag__dot', `hs-status-tag__dot--${variant}`, hollow && 'hs-hollow')} />
    {children}
    {showRemoveIcon && (
      <button
        type="button"
        className="hs-status-tag__remove"
        aria-label="Remove"
        onClick={() => void onRemoveClick?.()}
      >
        ×
      </button>
    )}
  </span>
);

export const Statistics = ({ testId, children }: StatisticsProps) => (
  <div className="hs-statistics" {...testIdOf(testId)}>
    {children}
  </div>
);

export const StatisticsItem = ({ label, number, testId, children }: StatisticsItemProps) => (
  <div className="hs-statistics__item" {...testIdOf(testId)}>
    <p className="hs-statistics__label">{label}</p>
    <p className="hs-statistics__number">{number}</p>
    {children}
  </div>
);
