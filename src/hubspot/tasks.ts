import { type Client } from '@hubspot/api-client';
import { type TaskIntent } from '@why-they-care/domain';
import {
  BATCH_LIMIT,
  newTaskProperties,
  TASK_TO_COMPANY,
  taskDueAt,
  toApiModel,
} from '@why-they-care/hubspot-contract';

import { type HubSpotContext } from './client';

type ApiTaskInput = Parameters<Client['crm']['objects']['tasks']['basicApi']['create']>[0];
type ApiAssociationSpec = NonNullable<ApiTaskInput['associations']>[number]['types'][number];

const TO_COMPANY = toApiModel<ApiAssociationSpec>(TASK_TO_COMPANY);

export type TaskToCreate = { intent: TaskIntent; ownerId: string | null };

const taskInput = ({ intent, ownerId }: TaskToCreate) => ({
  properties: newTaskProperties({
    dueAt: taskDueAt(intent.dueDate),
    subject: intent.template.subject,
    body: `${intent.template.body}\n\n(Why They Care: ${intent.key})`,
    priority: intent.template.priority,
    ownerId,
  }),
  associations: [{ to: { id: intent.companyId }, types: [TO_COMPANY] }],
});

export const tasksApi = ({ client, call }: HubSpotContext) => ({
  create: async (task: TaskToCreate) => {
    const created = await call('tasks.create', () => client.crm.objects.tasks.basicApi.create(taskInput(task)), {
      idempotent: false,
    });
    return created.id;
  },

  createMany: async (tasks: readonly TaskToCreate[]) => {
    for (let start = 0; start < tasks.length; start += BATCH_LIMIT) {
      const inputs = tasks.slice(start, start + BATCH_LIMIT).map(taskInput);
      await call('tasks.batchCreate', () => client.crm.objects.tasks.batchApi.create({ inputs }), {
        idempotent: false,
      });
    }
  },
});

export type TasksApi = ReturnType<typeof tasksApi>;
