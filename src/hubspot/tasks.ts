import { type TaskIntent } from '@why-they-care/domain';
import { AssociationSpecAssociationCategoryEnum } from '@hubspot/api-client/lib/codegen/crm/objects/tasks/models/AssociationSpec';

import { type HubSpotContext } from './client';
import { BATCH_SIZE } from './companies';

/** HubSpot-defined association type: task to company. */
export const TASK_TO_COMPANY = 192;

export type TaskToCreate = { intent: TaskIntent; ownerId: string | null };

const taskInput = ({ intent, ownerId }: TaskToCreate) => ({
  properties: {
    hs_timestamp: `${intent.dueDate}T09:00:00.000Z`,
    hs_task_subject: intent.template.subject,
    hs_task_body: `${intent.template.body}\n\n(Why They Care: ${intent.key})`,
    hs_task_status: 'NOT_STARTED',
    hs_task_priority: intent.template.priority,
    hs_task_type: 'TODO',
    ...(ownerId ? { hubspot_owner_id: ownerId } : {}),
  },
  associations: [
    {
      to: { id: intent.companyId },
      types: [
        {
          associationCategory: AssociationSpecAssociationCategoryEnum.HubspotDefined,
          associationTypeId: TASK_TO_COMPANY,
        },
      ],
    },
  ],
});

export const tasksApi = ({ client, call }: HubSpotContext) => ({
  create: async (task: TaskToCreate) => {
    const created = await call('tasks.create', () => client.crm.objects.tasks.basicApi.create(taskInput(task)), {
      idempotent: false,
    });
    return created.id;
  },

  createMany: async (tasks: readonly TaskToCreate[]) => {
    for (let start = 0; start < tasks.length; start += BATCH_SIZE) {
      const inputs = tasks.slice(start, start + BATCH_SIZE).map(taskInput);
      await call('tasks.batchCreate', () => client.crm.objects.tasks.batchApi.create({ inputs }), {
        idempotent: false,
      });
    }
  },
});

export type TasksApi = ReturnType<typeof tasksApi>;
