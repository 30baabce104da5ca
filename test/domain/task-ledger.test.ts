import {
  askBuyerTaskFor,
  concernsTaskFor,
  followUpTaskFor,
  intentForKey,
  PROPERTIES,
  recordIntent,
  TASK_LEDGER,
} from '@why-they-care/domain';

const TODAY = '2026-11-23';

describe('the pending-task ledger, for the bucket plays', () => {
  it("records a play's key as its kind's last key and pending, beside any key already pending", () => {
    const intent = concernsTaskFor('7', { values: ['price'], labels: 'Price' }, TODAY);
    expect(recordIntent(intent, ['concerns:7:older'])).toEqual({
      properties: {
        [PROPERTIES.concernsTaskKey.name]: intent.key,
        [PROPERTIES.concernsTaskPending.name]: `concerns:7:older ${intent.key}`,
      },
      pending: ['concerns:7:older', intent.key],
    });
    expect(TASK_LEDGER.re_recruit_follow_up.pending).toBe(PROPERTIES.followUpTaskPending.name);
    expect(TASK_LEDGER.ask_buyer.pending).toBe(PROPERTIES.askBuyerTaskPending.name);
  });

  it('words a pending play task from the company as it is now, due as if decided today', () => {
    const concerns = concernsTaskFor('7', { values: ['price'], labels: 'Price' }, '2026-11-20');
    expect(intentForKey(concerns.key, { [PROPERTIES.openConcerns.name]: 'Price' }, TODAY)).toEqual(
      concernsTaskFor('7', { values: ['price'], labels: 'Price' }, TODAY),
    );
    const followUp = followUpTaskFor('8', '2026-11-02', TODAY);
    expect(intentForKey(followUp.key, {}, TODAY)).toEqual(followUp);
    // The buyer is named only when the play decides (it reads contacts): recovered, the task asks to find them.
    const ask = askBuyerTaskFor('9', null, TODAY);
    expect(intentForKey(ask.key, {}, TODAY)).toEqual(ask);
  });
});
