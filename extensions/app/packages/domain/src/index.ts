export * from './buckets';
export * from './dates';
export * from './plan';
export * from './profile.schema';
export * from './profile-mapping';
export * from './property-catalog';
export * from './quadrant';
export * from './task-rules';
