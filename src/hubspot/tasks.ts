import { type Client } from '@hubspot/api-client';
import { type TaskIntent } from '@why-they-care/domain';
import {
  ASSOCIATION_OBJECT,
  BATCH_LIMIT,
  newTaskProperties,
  TASK_PROPERTY,
  TASK_TO_COMPANY,
  taskDueAt,
  taskKeyMarker,
  taskKeysIn,
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
    body: `${intent.template.body}\n\n${taskKeyMarker(intent.key)}`,
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

  /**
   * The task keys of the tasks associated with each company, read by id (not by search, which trails a
   * create by seconds): the associations 100 companies per call, then the tasks' notes 100 per call.
   */
  keysOnCompanies: async (companyIds: readonly string[]): Promise<Map<string, Set<string>>> => {
    const taskCompany = new Map<string, string>();
    let inputs = companyIds.map((id) => ({ id, after: undefined as string | undefined }));
    while (inputs.length) {
      const next: typeof inputs = [];
      for (let start = 0; start < inputs.length; start += BATCH_LIMIT) {
        const chunk = inputs.slice(start, start + BATCH_LIMIT).map(({ id, after }) => (after ? { id, after } : { id }));
        const answer = await call('associations.batchRead', () =>
          client.crm.associations.v4.batchApi.getPage(ASSOCIATION_OBJECT.company, ASSOCIATION_OBJECT.task, {
            inputs: chunk,
          }),
        );
        // A company with no task is left out of the results (207): nothing of ours on it.
        for (const result of answer.results) {
          for (const task of result.to) taskCompany.set(String(task.toObjectId), result._from.id);
          if (result.paging?.next?.after) next.push({ id: result._from.id, after: result.paging.next.after });
        }
      }
      inputs = next;
    }
    const keys = new Map(companyIds.map((id) => [id, new Set<string>()]));
    const taskIds = [...taskCompany.keys()];
    for (let start = 0; start < taskIds.length; start += BATCH_LIMIT) {
      const chunk = taskIds.slice(start, start + BATCH_LIMIT).map((id) => ({ id }));
      const answer = await call('tasks.batchRead', () =>
        client.crm.objects.tasks.batchApi.read({
          inputs: chunk,
          properties: [TASK_PROPERTY.body],
          propertiesWithHistory: [],
        }),
      );
      for (const task of answer.results) {
        const companyId = taskCompany.get(task.id);
        for (const key of taskKeysIn(task.properties[TASK_PROPERTY.body])) if (companyId) keys.get(companyId)?.add(key);
      }
    }
    return keys;
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
