import { bucketLabel, type MixKey, NOT_ASKED } from '@why-they-care/domain';

export const mixLabel = (key: MixKey): string => (key === NOT_ASKED ? 'Not asked yet' : bucketLabel(key));
