import {
  type ButtonProps,
  type ButtonRowProps,
  type HrefProp,
  type LinkProps,
  type LoadingButtonProps,
} from '@hubspot/ui-extensions';
import { type MouseEvent } from 'react';

import { classes, extensionEvent, REACTIONS, sizeName, testIdOf } from './shared';

const hrefOf = (href: HrefProp | undefined) =>
  href === undefined
    ? null
    : typeof href === 'string'
      ? { url: href, external: false }
      : { url: href.url, external: href.external ?? false };

const linkTarget = (href: HrefProp | undefined) => {
  const target = hrefOf(href);
  if (!target) return {};
  return { href: target.url, ...(target.external ? { target: '_blank', rel: 'noopener noreferrer' } : {}) };
};

const buttonClass = (variant: string, size: string | undefined) =>
  classes('hs-button', `hs-button--${variant}`, `hs-button--${sizeName(size, 'md')}`);

export const Button = ({
  variant = 'secondary',
  size,
  disabled,
  type = 'button',
  href,
  onClick,
  overlay,
  testId,
  children,
}: ButtonProps) => {
  const click = (event: MouseEvent) => void onClick?.(extensionEvent(event), REACTIONS);
  return (
    <>
      {href !== undefined ? (
        <a
          className={buttonClass(variant, size)}
          role="button"
          {...linkTarget(href)}
          onClick={click}
          {...testIdOf(testId)}
        >
          {children}
        </a>
      ) : (
        <button
          className={buttonClass(variant, size)}
          type={type}
          disabled={disabled}
          onClick={click}
          {...testIdOf(testId)}
        >
          {children}
        </button>
      )}
      {overlay}
    </>
  );
};

export const LoadingButton = ({
  variant = 'secondary',
  size,
  loading,
  disabled,
  type = 'button',
  onClick,
  overlay,
  testId,
  children,
}: LoadingButtonProps) => (
  <>
    <button
      className={buttonClass(variant, size)}
      type={type}
      disabled={disabled}
      aria-busy={loading || undefined}
      onClick={(event) => void onClick?.(extensionEvent(event), REACTIONS)}
      {...testIdOf(testId)}
    >
      {loading && <span className="hs-spinner hs-spinner--xs" aria-hidden="true" />}
      {children}
    </button>
    {overlay}
  </>
);

/** HubSpot folds buttons that do not fit into a "More" menu; the preview wraps them instead. */
export const ButtonRow = ({ testId, children }: ButtonRowProps) => (
  <div className="hs-button-row" {...testIdOf(testId)}>
    {children}
  </div>
);

export const Link = ({ href, variant = 'primary', onClick, preventDefault, overlay, testId, children }: LinkProps) => (
  <>
    <a
      className={classes('hs-link', `hs-link--${variant}`)}
      {...linkTarget(href)}
      onClick={(event) => {
        if (preventDefault) event.preventDefault();
        void onClick?.(extensionEvent(event), REACTIONS);
      }}
      {...testIdOf(testId)}
    >
      {children}
    </a>
    {overlay}
  </>
);
