import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { UnitOfWork } from '../src/database/unit-of-work.js';
import { MessageReviewService } from '../src/messages/message-review.service.js';
import { type Council, setUpCouncil, templateMessage } from './support/council.js';
import { messageApi } from './support/message-api.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { TestClock } from './support/test-clock.js';

// 10:00 in London on an ordinary winter weekday: outside the council's 21:00-08:00 quiet hours.
const DAYTIME = '2026-01-14T10:00:00Z';

describe('the draft-to-sign-off workflow over HTTP', () => {
  let t: TestApp;
  let council: Council;
  let api: ReturnType<typeof messageApi>;
  const clock = new TestClock(new Date(DAYTIME));

  beforeAll(async () => {
    // The workflow up to sign-off, on a clock of its own: no process sends what it approves.
    t = await startTestApp('workflow', { clock, env: { FANOUT_WORKER: 'false' } });
    council = await setUpCouncil(t, {
      corporateApprovals: 2,
      quietHours: { start: '21:00', end: '08:00', timeZone: 'Europe/London' },
    });
    api = messageApi(t, council);
  });
  afterAll(() => t.close());
  beforeEach(() => clock.set(DAYTIME));

  const draftAndSubmit = async (extra: Record<string, unknown> = {}) => {
    const created = await api.create(
      council.officer,
      templateMessage(council.channels.corporate, extra),
    );
    expect(created.status).toBe(201);
    const submitted = await api.submit(council.officer, created.body.id);
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('in_review');
    return created.body;
  };

  const jobsFor = (messageId: string) =>
    t.db.query<{
      state: string;
      start_after: Date;
      data: { messageId: string; version: number; contentHash: string };
    }>(
      `SELECT state, start_after, data FROM pgboss.job WHERE name = 'message.dispatch' AND data->>'messageId' = $1`,
      [messageId],
    );

  it('takes a message from draft through two distinct approvals to sending, with a dispatch job', async () => {
    const draft = await draftAndSubmit();
    expect(draft).toMatchObject({
      status: 'draft',
      version: 1,
      serviceId: council.services.highways,
    });
    expect(draft.contentHash).toMatch(/^[0-9a-f]{64}$/);

    const first = await api.approve(council.comms, draft.id, 1);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'in_review', approvalsRemaining: 1 });
    expect(await jobsFor(draft.id)).toHaveLength(0);

    const again = await api.approve(council.comms, draft.id, 1);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ALREADY_APPROVED');

    const second = await api.approve(council.comms2, draft.id, 1);
    expect(second.status).toBe(200);
    expect(second.body.status).toBe('sending');
    expect(second.body.approvals.map((approval) => approval.by).sort()).toEqual(
      [council.comms.id, council.comms2.id].sort(),
    );
    for (const approval of second.body.approvals) {
      expect(approval).toMatchObject({ version: 1, contentHash: draft.contentHash, current: true });
    }
    const jobs = await jobsFor(draft.id);
    expect(jobs).toHaveLength(1);
    expect(jobs[0].data).toEqual({
      messageId: draft.id,
      version: 1,
      contentHash: draft.contentHash,
    });
    expect(new Date(jobs[0].start_after).toISOString()).toBe(DAYTIME.replace('Z', '.000Z'));
  });

  it('refuses approval by the author (403), by anyone who edited it (403), and by an officer (403)', async () => {
    const byComms = await api.create(council.comms, templateMessage(council.channels.corporate));
    await api.submit(council.comms, byComms.body.id);
    const own = await api.approve(council.comms, byComms.body.id, 1);
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('SELF_APPROVAL_FORBIDDEN');

    const draft = await api.create(council.officer, templateMessage(council.channels.corporate));
    const edited = await api.edit(council.comms2, draft.body.id, {
      content: { kind: 'text', body: 'Gritting tonight on the A500.' },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.editors).toEqual([council.officer.id, council.comms2.id]);
    await api.submit(council.officer, draft.body.id);
    const byEditor = await api.approve(council.comms2, draft.body.id, 2);
    expect(byEditor.status).toBe(403);
    expect(byEditor.body.code).toBe('SELF_APPROVAL_FORBIDDEN');

    const byOfficer = await api.approve(council.officer, draft.body.id, 2);
    expect(byOfficer.status).toBe(403);
    const byOtherOfficer = await api.approve(council.youthOfficer, draft.body.id, 2);
    expect([403, 404]).toContain(byOtherOfficer.status);
  });

  it('binds an approval to the version it saw: an edit voids it and a stale version gets 409', async () => {
    const draft = await draftAndSubmit();
    expect((await api.approve(council.comms, draft.id, 1)).status).toBe(200);

    const sentBack = await api.requestChanges(council.comms2, draft.id, 'Name the roads, please.');
    expect(sentBack.status).toBe(200);
    expect(sentBack.body.status).toBe('changes_requested');

    const edited = await api.edit(council.officer, draft.id, {
      content: {
        kind: 'template',
        templateName: 'area_alert',
        language: 'en_GB',
        parameters: ['Gritting tonight on the A500 and A51.'],
      },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.version).toBe(2);
    expect(edited.body.contentHash).not.toBe(draft.contentHash);
    expect(edited.body.approvals.every((approval) => !approval.current)).toBe(true);

    await api.submit(council.officer, draft.id);
    const stale = await api.approve(council.comms2, draft.id, 1);
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('APPROVAL_VERSION_MISMATCH');

    const fresh = await api.approve(council.comms2, draft.id, 2);
    expect(fresh.body).toMatchObject({ status: 'in_review', approvalsRemaining: 1 });
    const done = await api.approve(council.comms, draft.id, 2);
    expect(done.body.status).toBe('sending');
    const current = done.body.approvals.filter((approval) => approval.current);
    expect(current.map((approval) => approval.contentHash)).toEqual([
      edited.body.contentHash,
      edited.body.contentHash,
    ]);
  });

  it('refuses edits of a message in review or approved (409), and approval of one not in review', async () => {
    const draft = await draftAndSubmit();
    const inReview = await api.edit(council.officer, draft.id, { priority: 'routine' });
    expect(inReview.status).toBe(409);
    expect(inReview.body.code).toBe('MESSAGE_NOT_EDITABLE');

    await api.approve(council.comms, draft.id, 1);
    await api.approve(council.comms2, draft.id, 1);
    const approved = await api.edit(council.officer, draft.id, { priority: 'routine' });
    expect(approved.status).toBe(409);

    const notInReview = await api.create(
      council.officer,
      templateMessage(council.channels.corporate),
    );
    const early = await api.approve(council.comms, notInReview.body.id, 1);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('MESSAGE_NOT_IN_REVIEW');
  });

  it("lets a service manager approve only their own service's channel", async () => {
    const youth = await api.create(council.youthOfficer, templateMessage(council.channels.youth));
    expect(youth.status).toBe(201);
    expect(youth.body.serviceId).toBe(council.services.youth);
    await api.submit(council.youthOfficer, youth.body.id);

    const otherManager = await api.approve(council.highwaysManager, youth.body.id, 1);
    expect(otherManager.status).toBe(404);

    const ownManager = await api.approve(council.youthManager, youth.body.id, 1);
    expect(ownManager.status).toBe(200);
    expect(ownManager.body.status).toBe('sending');

    // On the corporate channel only the comms team signs off, even for the manager's own service.
    const corporate = await api.create(
      council.youthOfficer,
      templateMessage(council.channels.corporate),
    );
    await api.submit(council.youthOfficer, corporate.body.id);
    const refused = await api.approve(council.youthManager, corporate.body.id, 1);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('NOT_AN_APPROVER');
  });

  it("keeps officers to their own services' messages and channels; approvers and auditors see all", async () => {
    const highways = await api.create(council.officer, templateMessage(council.channels.corporate));
    expect((await api.get(council.youthOfficer, highways.body.id)).status).toBe(404);
    expect((await api.get(council.comms, highways.body.id)).status).toBe(200);
    expect((await api.get(council.auditor, highways.body.id)).status).toBe(200);

    const youthList = await api.list(council.youthOfficer);
    expect(youthList.body.items.every((item) => item.serviceId === council.services.youth)).toBe(
      true,
    );
    const all = await api.list(council.auditor, '?status=draft');
    expect(all.body.items.some((item) => item.id === highways.body.id)).toBe(true);
    expect(all.body.items.every((item) => item.status === 'draft')).toBe(true);

    const wrongChannel = await api.create(council.officer, templateMessage(council.channels.youth));
    expect(wrongChannel.status).toBe(403);
    expect(wrongChannel.body.code).toBe('DRAFTING_NOT_ALLOWED');
    const otherService = await api.create(
      council.officer,
      templateMessage(council.channels.corporate, { serviceId: council.services.youth }),
    );
    expect(otherService.status).toBe(403);
    const byAuditor = await api.create(
      council.auditor,
      templateMessage(council.channels.corporate),
    );
    expect(byAuditor.status).toBe(403);
  });

  it('holds a routine message approved in quiet hours until they end', async () => {
    clock.set('2026-01-14T22:30:00Z');
    const draft = await draftAndSubmit();
    await api.approve(council.comms, draft.id, 1);
    const done = await api.approve(council.comms2, draft.id, 1);
    expect(done.body).toMatchObject({
      status: 'scheduled',
      dispatchAt: '2026-01-15T08:00:00.000Z',
    });
    const [job] = await jobsFor(draft.id);
    expect(new Date(job.start_after).toISOString()).toBe('2026-01-15T08:00:00.000Z');
  });

  it('holds across the spring clock change: released at 08:00 BST', async () => {
    clock.set('2026-03-28T23:30:00Z');
    const draft = await draftAndSubmit();
    await api.approve(council.comms, draft.id, 1);
    const done = await api.approve(council.comms2, draft.id, 1);
    expect(done.body.dispatchAt).toBe('2026-03-29T07:00:00.000Z');
  });

  it('lets an emergency through quiet hours when the policy allows, and logs the reason', async () => {
    clock.set('2026-01-14T23:00:00Z');
    const missingReason = await api.create(
      council.officer,
      templateMessage(council.channels.corporate, { priority: 'emergency' }),
    );
    expect(missingReason.status).toBe(400);
    expect(missingReason.body.code).toBe('EMERGENCY_REASON_REQUIRED');

    const reason = 'Flood warning for the Northfield riverside tonight';
    const draft = await draftAndSubmit({ priority: 'emergency', emergencyReason: reason });
    await api.approve(council.comms, draft.id, 1);
    const done = await api.approve(council.comms2, draft.id, 1);
    expect(done.body).toMatchObject({ status: 'sending', dispatchAt: '2026-01-14T23:00:00.000Z' });

    const events = await t.db.query<{ type: string; payload: string }>(
      'SELECT type, payload FROM audit_events WHERE message_id = $1 ORDER BY seq',
      [draft.id],
    );
    const bypass = events.find((event) => event.type === 'message.quiet_hours_bypassed');
    expect(bypass && JSON.parse(bypass.payload)).toMatchObject({ data: { reason } });
  });

  it('schedules a message with a future send time', async () => {
    const draft = await draftAndSubmit({ sendAt: '2026-01-20T09:30:00+00:00' });
    await api.approve(council.comms, draft.id, 1);
    const done = await api.approve(council.comms2, draft.id, 1);
    expect(done.body).toMatchObject({
      status: 'scheduled',
      dispatchAt: '2026-01-20T09:30:00.000Z',
    });
  });

  it('cancels a scheduled message and its dispatch job, and refuses to cancel twice', async () => {
    const draft = await draftAndSubmit({ sendAt: '2026-01-21T09:30:00Z' });
    await api.approve(council.comms, draft.id, 1);
    await api.approve(council.comms2, draft.id, 1);
    const cancelled = await api.cancel(council.officer, draft.id, 'Forecast changed.');
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Forecast changed.',
    });
    const [job] = await jobsFor(draft.id);
    expect(job.state).toBe('cancelled');

    const twice = await api.cancel(council.officer, draft.id, 'Again.');
    expect(twice.status).toBe(409);
    const byAuditor = await api.cancel(council.auditor, draft.id, 'No.');
    expect(byAuditor.status).toBe(403);
  });

  it("enqueues the dispatch job in the final approval's transaction: a rollback leaves neither", async () => {
    const draft = await draftAndSubmit();
    await api.approve(council.comms, draft.id, 1);
    const review = t.app.get(MessageReviewService);
    const actor = {
      id: council.comms2.id,
      email: council.comms2.email,
      name: 'Casey',
      roles: ['comms_approver' as const],
      serviceIds: [],
    };
    await expect(
      t.app.get(UnitOfWork).run(async () => {
        await review.approve(actor, draft.id, 1);
        throw new Error('the process failed after the approval');
      }),
    ).rejects.toThrow('the process failed');

    expect(await jobsFor(draft.id)).toHaveLength(0);
    const after = await api.get(council.comms, draft.id);
    expect(after.body).toMatchObject({ status: 'in_review', approvalsRemaining: 1 });
    const approvals = await t.db.query(
      `SELECT 1 FROM audit_events WHERE message_id = $1 AND type = 'message.approved'`,
      [draft.id],
    );
    expect(approvals).toHaveLength(1);
  });

  it('records every step in the audit log, in order, with who did it', async () => {
    const draft = await draftAndSubmit();
    await api.approve(council.comms, draft.id, 1);
    await api.approve(council.comms2, draft.id, 1);
    // Events name people by a pseudonymous reference; only the erasable mapping resolves it.
    const events = await t.db.query<{ type: string; staff_id: string | null; payload: string }>(
      `SELECT e.type, p.subject_id AS staff_id, e.payload
         FROM audit_events e LEFT JOIN audit_pseudonyms p ON p.ref = e.actor_ref
        WHERE e.message_id = $1 ORDER BY e.seq`,
      [draft.id],
    );
    expect(events.every((event) => !event.payload.includes(council.officer.email))).toBe(true);
    expect(events.map((event) => [event.type, event.staff_id])).toEqual([
      ['message.created', council.officer.id],
      ['message.submitted', council.officer.id],
      ['message.approved', council.comms.id],
      ['message.approved', council.comms2.id],
      ['message.dispatch_queued', null],
    ]);
    expect(JSON.parse(events[0].payload)).toMatchObject({
      data: { version: 1, contentHash: draft.contentHash, content: { templateName: 'area_alert' } },
    });
  });
});
