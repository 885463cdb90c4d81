import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EmergencyReviewsService } from '../src/emergency-reviews/emergency-reviews.service.js';
import { consoleSignIn, formToken } from './support/console-session.js';
import { type Council, type Person, setUpCouncil, templateMessage } from './support/council.js';
import { messageApi } from './support/message-api.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { TestClock } from './support/test-clock.js';

// 23:00 in London on a winter weekday: inside the corporate channel's 21:00-08:00 quiet hours.
const NIGHT = '2026-01-14T23:00:00Z';
const REASON = 'Flood warning for the Northfield riverside tonight';

interface ReviewBody {
  id: string;
  messageId: string;
  status: string;
  approvedBy: { id: string; name: string };
  dueAt: string;
  escalatedAt: string | null;
  outcome: string | null;
  code?: string;
}

describe('the emergency path: one on-call approval, a retrospective review, escalation', () => {
  let t: TestApp;
  let council: Council;
  let api: ReturnType<typeof messageApi>;
  const clock = new TestClock(new Date(NIGHT));

  beforeAll(async () => {
    // Sign-off only: no process sends what is approved.
    t = await startTestApp('emergency_path', { clock, env: { FANOUT_WORKER: 'false' } });
    council = await setUpCouncil(t, {
      corporateApprovals: 2,
      quietHours: { start: '21:00', end: '08:00', timeZone: 'Europe/London' },
    });
    api = messageApi(t, council);
    const policy = await putPolicy(emergencyPolicy());
    expect(policy.status).toBe(200);
    expect(policy.body.policy.emergency).toEqual(emergencyPolicy().emergency);
  });
  afterAll(() => t.close());
  beforeEach(() => clock.set(NIGHT));

  /** The corporate channel's policy: two approvals as the rule, chris.comms on call. */
  const emergencyPolicy = (emergency: Record<string, unknown> = {}, rest: object = {}) => ({
    approvalsRequired: 2,
    approverRoles: ['comms_approver'],
    quietHours: { start: '21:00', end: '08:00', timeZone: 'Europe/London' },
    emergencyBypassesQuietHours: true,
    emergency: {
      singleApproval: true,
      onCallApproverIds: [council.comms.id],
      retrospectiveReviewHours: 4,
      ...emergency,
    },
    ...rest,
  });
  const putPolicy = async (policy: object) => {
    const response = await t.http
      .put(`/api/v1/channels/${council.channels.corporate}/policy`)
      .set(council.bearer(council.admin))
      .send(policy);
    return response as {
      status: number;
      body: { policy: { emergency?: unknown }; code?: string; message?: string };
    };
  };

  const submitted = async (extra: Record<string, unknown>) => {
    const created = await api.create(
      council.officer,
      templateMessage(council.channels.corporate, extra),
    );
    expect(created.status).toBe(201);
    expect((await api.submit(council.officer, created.body.id)).status).toBe(200);
    return created.body.id;
  };
  const emergency = () => submitted({ priority: 'emergency', emergencyReason: REASON });

  const reviews = async (by: Person, status: string) => {
    const response = await t.http
      .get(`/api/v1/emergency-reviews?status=${status}`)
      .set(council.bearer(by));
    return response as { status: number; body: ReviewBody[] };
  };
  const reviewOf = async (messageId: string, status = 'due') =>
    (await reviews(council.comms2, status)).body.find((review) => review.messageId === messageId);
  const complete = async (by: Person, id: string, body: object) =>
    (await t.http
      .post(`/api/v1/emergency-reviews/${id}/complete`)
      .set(council.bearer(by))
      .send(body)) as { status: number; body: ReviewBody };
  const auditEvents = (messageId: string) =>
    t.db.query<{ type: string; payload: string }>(
      'SELECT type, payload FROM audit_events WHERE message_id = $1 ORDER BY seq',
      [messageId],
    );

  it('sends an emergency at once, in quiet hours, on one approval from the on-call approver', async () => {
    const id = await emergency();
    const approved = await api.approve(council.comms, id, 1);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'sending',
      dispatchAt: NIGHT.replace('Z', '.000Z'),
    });

    const events = await auditEvents(id);
    const approval = events.find((event) => event.type === 'message.approved');
    expect(JSON.parse(approval!.payload)).toMatchObject({
      data: { approvals: 1, approvalsRequired: 1, emergencyPath: true },
    });
    expect(events.map((event) => event.type)).toContain('message.quiet_hours_bypassed');

    const review = await reviewOf(id);
    expect(review).toMatchObject({
      status: 'due',
      approvedBy: { id: council.comms.id },
      dueAt: '2026-01-15T03:00:00.000Z',
      escalatedAt: null,
    });
  });

  it('needs the usual two approvals when the approver is not on call', async () => {
    const id = await emergency();
    const first = await api.approve(council.comms2, id, 1);
    expect(first.body).toMatchObject({ status: 'in_review', approvalsRemaining: 1 });
    const second = await api.approve(council.comms, id, 1);
    expect(second.body.status).toBe('sending');
    // Two approvals are the usual rule: no emergency path, no retrospective review.
    const approvals = (await auditEvents(id)).filter((event) => event.type === 'message.approved');
    const dataOf = (payload: string) =>
      (JSON.parse(payload) as { data: { emergencyPath?: boolean } }).data;
    expect(approvals.map((event) => dataOf(event.payload).emergencyPath)).toEqual([
      undefined,
      undefined,
    ]);
    expect(await reviewOf(id)).toBeUndefined();
  });

  it('needs the usual two approvals for a routine message, even from the on-call approver', async () => {
    const id = await submitted({});
    const first = await api.approve(council.comms, id, 1);
    expect(first.body).toMatchObject({ status: 'in_review', approvalsRemaining: 1 });
    expect(await reviewOf(id)).toBeUndefined();
  });

  it('lets a second approver, not the one who approved it, complete the review (audited)', async () => {
    const id = await emergency();
    await api.approve(council.comms, id, 1);
    const review = (await reviewOf(id))!;

    const own = await complete(council.comms, review.id, {
      outcome: 'appropriate',
      comment: 'Fine',
    });
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('SECOND_APPROVER_REQUIRED');

    clock.set('2026-01-15T01:00:00Z');
    const done = await complete(council.comms2, review.id, {
      outcome: 'appropriate',
      comment: ' Residents needed it before morning. ',
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'done', outcome: 'appropriate' });
    const again = await complete(council.comms2, review.id, {
      outcome: 'appropriate',
      comment: 'x',
    });
    expect(again.status).toBe(409);

    const reviewed = (await auditEvents(id)).filter(
      (event) => event.type === 'message.emergency_reviewed',
    );
    expect(reviewed).toHaveLength(1);
    expect(JSON.parse(reviewed[0].payload)).toMatchObject({
      data: {
        reviewId: review.id,
        outcome: 'appropriate',
        comment: 'Residents needed it before morning.',
        late: false,
      },
    });
    expect((await reviews(council.auditor, 'done')).body.map((r) => r.id)).toContain(review.id);
  });

  it('escalates an overdue review once, however many workers run the job', async () => {
    const id = await emergency();
    await api.approve(council.comms, id, 1);
    const review = (await reviewOf(id))!;
    const escalation = t.app.get(EmergencyReviewsService);

    clock.set('2026-01-15T02:59:00Z');
    await escalation.escalateOverdue();
    expect((await reviewOf(id, 'due'))?.escalatedAt).toBeNull();

    clock.set('2026-01-15T03:00:01Z');
    await Promise.all([escalation.escalateOverdue(), escalation.escalateOverdue()]);
    await escalation.escalateOverdue();

    const overdue = await reviewOf(id, 'overdue');
    expect(overdue).toMatchObject({ id: review.id, status: 'overdue' });
    expect(overdue!.escalatedAt).not.toBeNull();
    const escalations = (await auditEvents(id)).filter(
      (event) => event.type === 'message.emergency_review_overdue',
    );
    expect(escalations).toHaveLength(1);
    expect(JSON.parse(escalations[0].payload)).toMatchObject({
      actor: { kind: 'system' },
      data: { reviewId: review.id, dueAt: '2026-01-15T03:00:00.000Z' },
    });

    // A late review is still recorded, and says it was late.
    const done = await complete(council.comms2, review.id, {
      outcome: 'not_appropriate',
      comment: 'Could have waited until 08:00',
    });
    expect(done.status).toBe(200);
    const reviewed = (await auditEvents(id)).find(
      (event) => event.type === 'message.emergency_reviewed',
    );
    expect(JSON.parse(reviewed!.payload)).toMatchObject({ data: { late: true } });
  });

  it('refuses officers (403) and bad input (400)', async () => {
    expect((await reviews(council.officer, 'due')).status).toBe(403);
    expect((await reviews(council.auditor, 'due')).status).toBe(200);
    expect((await reviews(council.comms2, 'later')).status).toBe(400);

    const id = await emergency();
    await api.approve(council.comms, id, 1);
    const review = (await reviewOf(id))!;
    const officer = await complete(council.officer, review.id, {
      outcome: 'appropriate',
      comment: 'Fine',
    });
    expect(officer.status).toBe(403);
    for (const body of [
      { outcome: 'maybe', comment: 'Fine' },
      { outcome: 'appropriate' },
      { outcome: 'appropriate', comment: '' },
      { outcome: 'appropriate', comment: 'Fine', extra: true },
    ]) {
      expect((await complete(council.comms2, review.id, body)).status).toBe(400);
    }
    expect(
      (await complete(council.comms2, 'not-a-uuid', { outcome: 'appropriate', comment: 'x' }))
        .status,
    ).toBe(400);
  });

  it('refuses emergency sections that would not work', async () => {
    for (const [policy, status] of [
      [emergencyPolicy({ retrospectiveReviewHours: 0 }), 400],
      [emergencyPolicy({ retrospectiveReviewHours: 73 }), 400],
      [emergencyPolicy({ onCallApproverIds: ['chris'] }), 400],
      [emergencyPolicy({ onCallApproverIds: [] }), 400],
      [emergencyPolicy({}, { approvalsRequired: 1 }), 400],
      [emergencyPolicy({}, { emergencyBypassesQuietHours: false }), 400],
    ] as const) {
      expect((await putPolicy(policy)).status).toBe(status);
    }
    // On call must mean able to act: an officer, an unknown id, or a manager of another service.
    for (const [onCall, named] of [
      [council.officer.id, /cannot sign off on this channel/],
      ['00000000-0000-4000-8000-000000000000', /is not an active member of staff/],
      [council.highwaysManager.id, /cannot sign off on this channel/],
    ] as const) {
      const refused = await putPolicy(emergencyPolicy({ onCallApproverIds: [onCall] }));
      expect(refused.status).toBe(400);
      expect(refused.body.message).toMatch(named);
    }
    // Nothing changed: the stored policy still has its emergency path.
    const channel = await t.http
      .get(`/api/v1/channels/${council.channels.corporate}`)
      .set(council.bearer(council.admin));
    const stored = channel.body as { policy: { emergency: { onCallApproverIds: string[] } } };
    expect(stored.policy.emergency.onCallApproverIds).toEqual([council.comms.id]);
  });

  describe('the console page', () => {
    const signIn = async (person: Person) => {
      const { cookie } = await consoleSignIn(t, person.id);
      return cookie!;
    };

    it('lists waiting reviews and records one, with errors on the form', async () => {
      const id = await emergency();
      await api.approve(council.comms, id, 1);
      const review = (await reviewOf(id))!;

      const cookie = await signIn(council.comms2);
      const list = await t.http.get('/console/emergency-reviews').set('Cookie', cookie).expect(200);
      expect(list.text).toContain(`/console/emergency-reviews/${review.id}`);
      expect(list.text).toContain('Emergency reviews');

      const form = await t.http
        .get(`/console/emergency-reviews/${review.id}`)
        .set('Cookie', cookie)
        .expect(200);
      const csrf = formToken(form.text);
      const empty = await t.http
        .post(`/console/emergency-reviews/${review.id}`)
        .set('Cookie', cookie)
        .type('form')
        .send({ _csrf: csrf, comment: '' })
        .expect(200);
      expect(empty.text).toContain('There is a problem');
      expect(empty.text).toContain('href="#comment"');
      expect(empty.text).toContain('href="#outcome"');

      const approverCookie = await signIn(council.comms);
      const approverForm = await t.http
        .get(`/console/emergency-reviews/${review.id}`)
        .set('Cookie', approverCookie)
        .expect(200);
      const refused = await t.http
        .post(`/console/emergency-reviews/${review.id}`)
        .set('Cookie', approverCookie)
        .type('form')
        .send({ _csrf: formToken(approverForm.text), outcome: 'appropriate', comment: 'Mine' })
        .expect(200);
      expect(refused.text).toContain('You approved this emergency message');
      expect(refused.text).toContain('Mine');

      const done = await t.http
        .post(`/console/emergency-reviews/${review.id}`)
        .set('Cookie', cookie)
        .type('form')
        .send({ _csrf: csrf, outcome: 'appropriate', comment: 'Right call' })
        .expect(303);
      expect(done.headers.location).toBe('/console/emergency-reviews?done=1');
      expect((await reviewOf(id, 'done'))?.outcome).toBe('appropriate');
    });

    it('shows overdue reviews as overdue', async () => {
      const id = await emergency();
      await api.approve(council.comms, id, 1);
      clock.set('2026-01-15T04:00:00Z');
      const cookie = await signIn(council.comms2);
      const list = await t.http.get('/console/emergency-reviews').set('Cookie', cookie).expect(200);
      expect(list.text).toMatch(/reviews? (is|are) overdue/);
      expect(list.text).toContain('Overdue');
    });
  });
});
