/** Task properties HubSpot defines (tasks have no custom properties the app uses). */
export const TASK_PROPERTY = {
  dueAt: 'hs_timestamp',
  subject: 'hs_task_subject',
  body: 'hs_task_body',
  status: 'hs_task_status',
  priority: 'hs_task_priority',
  type: 'hs_task_type',
  owner: 'hubspot_owner_id',
} as const;

export const TASK_STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'WAITING', 'COMPLETED', 'DEFERRED'] as const;
export const TASK_PRIORITIES = ['NONE', 'LOW', 'MEDIUM', 'HIGH'] as const;
export const TASK_TYPES = ['TODO', 'CALL', 'EMAIL'] as const;

export type TaskStatus = (typeof TASK_STATUSES)[number];
export type TaskPriority = (typeof TASK_PRIORITIES)[number];
export type TaskType = (typeof TASK_TYPES)[number];

/** What a new task holds: due at an instant, open, of type to-do unless said otherwise. */
export const newTaskProperties = (task: {
  dueAt: string;
  subject: string;
  body: string;
  priority: string;
  type?: string;
  ownerId?: string | null;
}): Record<string, string> => ({
  [TASK_PROPERTY.dueAt]: task.dueAt,
  [TASK_PROPERTY.subject]: task.subject,
  [TASK_PROPERTY.body]: task.body,
  [TASK_PROPERTY.status]: 'NOT_STARTED' satisfies TaskStatus,
  [TASK_PROPERTY.priority]: task.priority,
  [TASK_PROPERTY.type]: task.type ?? ('TODO' satisfies TaskType),
  ...(task.ownerId ? { [TASK_PROPERTY.owner]: task.ownerId } : {}),
});

export type TimeOfDay = { hour: number; minute: number };

/** When the app's tasks fall due on their day (UTC), whether the backend or a workflow creates them. */
export const TASK_TIME_OF_DAY: TimeOfDay = { hour: 9, minute: 0 };

const twoDigits = (value: number) => String(value).padStart(2, '0');

/** The `hs_timestamp` of a task due on `day` at `time` (UTC). */
export const taskDueAt = (day: string, time: TimeOfDay = TASK_TIME_OF_DAY) =>
  `${day}T${twoDigits(time.hour)}:${twoDigits(time.minute)}:00.000Z`;
