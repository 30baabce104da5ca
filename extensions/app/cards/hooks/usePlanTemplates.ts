import { type PlanTemplates } from '@why-they-care/domain';
import { useEffect, useState } from 'react';

import { type BackendClient } from '../lib/backend-client';

export type PlanTemplatesState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; templates: PlanTemplates }
  | { status: 'failed'; message: string };

/**
 * The account's segments and plan templates, loaded once `wanted` (the company has a segment, or the
 * account manager asks for a template), so most card loads cost no extra call.
 */
export const usePlanTemplates = (backend: BackendClient | null, wanted: boolean): PlanTemplatesState => {
  const [state, setState] = useState<PlanTemplatesState>({ status: 'idle' });
  useEffect(() => {
    if (!backend || !wanted) return undefined;
    setState({ status: 'loading' });
    let current = true;
    void backend.planTemplates().then((result) => {
      if (!current) return;
      setState(
        result.ok
          ? { status: 'ready', templates: result.value }
          : { status: 'failed', message: result.failure.message },
      );
    });
    return () => {
      current = false;
    };
  }, [backend, wanted]);
  return state;
};
