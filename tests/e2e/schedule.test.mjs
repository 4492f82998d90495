// End-to-end: the schedule — a date of certification entered relative to the real today, the deadlines it gives in
// date order with the near one marked in words, the notice on opening, the calendar file read back by an
// independent iCalendar parser (stable UIDs, no event injected by a hostile plan measure), the team's notices, and
// axe on all of it in Japanese and English.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { setup, openPage, waitForFocus, axeViolations, ROOT } from './browser.mjs';
import { canonical } from './digest.mjs';

const env = setup();
const run = promisify(execFile);
let tmp;
before(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'tics-e2e-schedule-'));
});

const DAY = 86_400_000;
/** A UTC midnight as `YYYY-MM-DD`. */
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
/** Today's local date (the app's clock) as a UTC midnight, so that adding days never meets a clock change. */
const now = new Date();
const TODAY = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());

/**
 * A certification a year ago less 10 days, so that the first yearly report falls in 10 days (9 when that day
 * would be 29 February, which the year before has not): the dates the schedule must show.
 */
function certifiedAlmostAYearAgo() {
  const target = new Date(TODAY + 10 * DAY);
  const year = target.getUTCFullYear();
  let monthDay = iso(target.getTime()).slice(5);
  if (monthDay === '02-29') monthDay = '02-28';
  const [month, day] = monthDay.split('-').map(Number);
  return {
    from: `${year - 1}-${monthDay}`,
    report1: `${year}-${monthDay}`,
    report2: `${year + 1}-${monthDay}`,
    // Three years from the start, less a day.
    end: iso(Date.UTC(year + 2, month - 1, day) - DAY),
  };
}

const HOSTILE = "=cmd|' /C calc'!A0\r\nBEGIN:VEVENT\r\nSUMMARY:injected\r\nEND:VEVENT";

async function download(page, testId) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const file = path.join(tmp, `${Date.now()}-${dl.suggestedFilename()}`);
  await dl.saveAs(file);
  return { name: dl.suggestedFilename(), file };
}

/** The calendar file as Python's `icalendar` reads it (scripts/read-ics.py): its name and events. */
async function readIcs(file) {
  const { stdout } = await run('python3', [path.join(ROOT, 'scripts/read-ics.py'), file]);
  return JSON.parse(stdout);
}

/** The keys of the deadlines listed, in their order. */
const listed = (page) => page.getByTestId('deadlines').locator(':scope > li')
  .evaluateAll((lis) => lis.map((li) => li.dataset.testid.replace(/^deadline-/, '')));

async function openSchedule(page) {
  await page.getByTestId('view-schedule').click();
  await page.getByTestId('schedule').waitFor();
}

async function enterDate(page, from) {
  await page.getByTestId('schedule-from').fill(from);
  await page.getByTestId('schedule-save').click();
  await page.getByTestId('flash').filter({ hasText: '日付を保存しました' }).waitFor();
}

test('a date of certification gives the deadlines in order, marks the near one, and is noticed on opening', async () => {
  const dates = certifiedAlmostAYearAgo();
  const context = await env.browser.newContext({ locale: 'ja-JP' });
  const page = await openPage(context, env.server.origin + '/#/business/self-check');
  await openSchedule(page);
  // Before a date: what to do.
  assert.match(await page.getByTestId('schedule-empty').textContent(), /認証日.*を入れて/);
  assert.equal(await page.getByTestId('schedule-years').inputValue(), '3', 'three years by default');
  assert.equal(await page.getByTestId('notice-deadlines').count(), 0);
  // Saving with no date is refused, and said.
  await page.getByTestId('schedule-save').click();
  assert.match(await page.getByTestId('error').textContent(), /認証日、または審査の予定日を入力してください/);
  await waitForFocus(page, (el) => el.id === 'tics-schedule-from');

  await enterDate(page, dates.from);
  assert.match(await page.getByTestId('flash').textContent(), /予定は 3 件です/);
  assert.deepEqual(await listed(page), ['periodic-report-1', 'periodic-report-2', 'validity-end']);
  const report1 = page.getByTestId('deadline-periodic-report-1');
  assert.equal(await report1.locator('time').getAttribute('datetime'), dates.report1);
  assert.match(await report1.textContent(), /定期報告（1 年目）/);
  assert.match(await report1.textContent(), /実際の期日は認証機関が定めます/);
  // The near one is marked in words; the others are not marked.
  assert.match(await page.getByTestId('deadline-due-periodic-report-1').textContent(), /^まもなく（あと (9|10) 日）$/);
  assert.equal(await page.getByTestId('deadline-due-periodic-report-2').count(), 0);
  assert.equal(await page.getByTestId('deadline-due-validity-end').count(), 0);
  assert.equal(await page.getByTestId('deadline-periodic-report-2').locator('time').textContent(), dates.report2);
  assert.equal(await page.getByTestId('deadline-validity-end').locator('time').textContent(), dates.end);
  // No row of the periodic report has its rotation year yet: said, with the way to the report.
  assert.match(await page.getByTestId('schedule-unplanned').textContent(), /15 行に、ローテーションの何年目/);

  // Opening the app again: the notice of what is near, and the date is still there.
  await page.reload();
  await page.getByTestId('app').waitFor();
  const notice = page.getByTestId('notice-deadlines');
  await notice.waitFor();
  assert.equal(await notice.getAttribute('role'), 'status');
  assert.match(await notice.textContent(), /30 日以内の予定が 1 件あります/);
  assert.match(await notice.textContent(), new RegExp(`${dates.report1} 定期報告（1 年目）— まもなく`));
  await page.getByTestId('notice-open-schedule').click();
  await page.getByTestId('schedule').waitFor();
  await waitForFocus(page, (el) => el.id === 'tics-tab-schedule');
  assert.equal(await page.getByTestId('schedule-from').inputValue(), dates.from);
  assert.equal(await page.getByTestId('schedule-years').inputValue(), '3');

  // A shorter validity: no yearly report past its end. Then the date is forgotten, and focus stays in the form.
  await page.getByTestId('schedule-years').selectOption('1');
  await page.getByTestId('schedule-save').click();
  await page.getByTestId('flash').filter({ hasText: '予定は 1 件です' }).waitFor();
  assert.deepEqual(await listed(page), ['validity-end']);
  await page.getByTestId('schedule-forget').click();
  await page.getByTestId('schedule-empty').waitFor();
  await waitForFocus(page, (el) => el.id === 'tics-schedule-from');
  assert.equal(await page.getByTestId('notice-deadlines').count(), 0);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the calendar file holds every deadline, updates the same events when made again, and no measure adds one', async () => {
  const dates = certifiedAlmostAYearAgo();
  const context = await env.browser.newContext({ locale: 'ja-JP' });
  const page = await openPage(context, env.server.origin + '/#/business/self-check');
  // A gap with a hostile measure and a due date in the plan.
  await page.getByTestId('status-identify-procedure-not_done').check();
  await page.getByTestId('view-plan').click();
  await page.getByTestId('plan-measure-identify-procedure').fill(HOSTILE);
  const due = page.getByTestId('plan-identify-procedure').getByLabel('期限');
  const firstDue = iso(TODAY + 60 * DAY);
  await due.fill(firstDue);
  await due.dispatchEvent('change');

  await openSchedule(page);
  await enterDate(page, dates.from);
  assert.deepEqual(await listed(page),
    ['periodic-report-1', 'plan-identify-procedure', 'periodic-report-2', 'validity-end']);
  assert.match(await page.getByTestId('deadline-plan-identify-procedure').textContent(), /計画する対策: =cmd\|' \/C calc'!A0/);

  const first = await download(page, 'schedule-ics');
  assert.match(first.name, /^認証の予定_.+_\d{4}-\d{2}-\d{2}\.ics$/);
  await page.getByTestId('flash').filter({ hasText: first.name }).waitFor();
  const raw = await readFile(first.file, 'utf8');
  assert.equal(raw.split('\r\n').filter((l) => l === 'BEGIN:VEVENT').length, 4, 'one event per deadline, none injected');
  const one = await readIcs(first.file);
  assert.deepEqual(one.events.map((e) => e.start), [dates.report1, firstDue, dates.report2, dates.end]);
  assert.deepEqual(one.events.map((e) => e.summary.slice(0, 7)), ['定期報告（1 ', '行動計画の期限', '定期報告（2 ', '認証の有効期間']);
  const plan = one.events[1];
  assert.equal(plan.description, `計画する対策: ${HOSTILE.replaceAll('\r\n', '\n')}`, 'the measure is text inside one event');
  assert.deepEqual(plan.alarms, ['-P7D']);
  assert.match(one.events[0].uid, /^periodic-report-1\..+@tics-self-check$/);

  // The plan's date moves; the calendar made again updates the same events (same UIDs), adding none.
  await page.getByTestId('view-plan').click();
  const laterDue = iso(TODAY + 90 * DAY);
  await due.fill(laterDue);
  await due.dispatchEvent('change');
  await openSchedule(page);
  const second = await download(page, 'schedule-ics');
  const two = await readIcs(second.file);
  assert.equal(two.events.length, 4);
  assert.deepEqual(two.events.map((e) => e.uid).sort(), one.events.map((e) => e.uid).sort());
  assert.equal(new Set(two.events.map((e) => e.uid)).size, 4, 'each UID once');
  assert.equal(two.events.find((e) => e.uid === plan.uid).start, laterDue);
  assert.equal(two.name, one.name);
  assert.deepEqual(page.errors, []);
  await context.close();
});

/** Loads the open self-check's result file again as a new self-check, with `team` as its team. */
async function importWithTeam(page, team) {
  await page.getByTestId('view-files').click();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-json').click()]);
  const file = path.join(tmp, `team-${Date.now()}.json`);
  await dl.saveAs(file);
  const envelope = JSON.parse(await readFile(file, 'utf8'));
  envelope.content.team = team;
  envelope.digest.value = createHash('sha256').update(canonical(envelope.content)).digest('hex');
  await writeFile(file, JSON.stringify(envelope));
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('import-pending').waitFor();
  await page.getByTestId('import-as-new').click();
  await page.getByTestId('flash').waitFor();
}

test("the team's notices: answers waiting for a decision, and whose copy this is", async () => {
  const context = await env.browser.newContext({ locale: 'ja-JP' });
  const page = await openPage(context, env.server.origin + '/#/business/self-check');
  await page.getByTestId('status-identify-procedure-done').check();
  const person = { id: 'p-1', name: '<b>山田</b>', department: '製造部' };
  const answer = (status) => ({ status, reason: '', note: '', checker: '', date: '' });
  await importWithTeam(page, {
    people: [person],
    conflicts: [
      { item: 'identify-procedure', ours: answer('done'), theirs: [[person, answer('not_done')]] },
      { item: 'mark-label', ours: answer('done'), theirs: [[person, answer('partial')]] },
    ],
  });
  const conflicts = page.getByTestId('notice-conflicts');
  await conflicts.waitFor();
  assert.equal(await conflicts.getAttribute('role'), 'status');
  assert.match(await conflicts.textContent(), /2 件が、どの回答を採るかの決定を待っています/);
  await page.getByTestId('notice-open-conflicts').click();
  await waitForFocus(page, (el) => el.id === 'tics-tab-team');

  await importWithTeam(page, {
    assigned: {
      owner: { id: 'sc-owner', name: '本社工場' },
      catalogue_id: 'tics',
      catalogue_version: '1',
      handed_out: { person, given: { 'identify-procedure': answer(null) } },
    },
  });
  const assigned = page.getByTestId('notice-assigned');
  await assigned.waitFor();
  assert.match(await assigned.textContent(),
    /本社工場 から <b>山田<\/b> さんへの割り当てです。割り当てられた 1 項目だけを表示しています。.*「チーム」画面で回答ファイルを作り/);
  assert.equal(await assigned.locator('b').count(), 0, 'a name is shown as text');
  assert.equal(await page.getByTestId('notice-conflicts').count(), 0);
  await page.getByTestId('notice-open-team').click();
  await waitForFocus(page, (el) => el.id === 'tics-tab-team');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('axe finds nothing on the schedule with dates entered and the notice showing, in Japanese and English', async () => {
  const dates = certifiedAlmostAYearAgo();
  const context = await env.browser.newContext({ locale: 'ja-JP' });
  const page = await openPage(context, env.server.origin + '/#/business/self-check');
  await page.getByTestId('status-identify-procedure-not_done').check();
  await page.getByTestId('view-plan').click();
  const due = page.getByTestId('plan-identify-procedure').getByLabel('期限');
  await due.fill(iso(TODAY - 2 * DAY));
  await due.dispatchEvent('change');
  // Rows of the rotation's first year, so that the report lists them.
  await page.getByTestId('view-periodic').click();
  await page.getByTestId('criterion-cs-1').getByLabel('実施年').selectOption('1');
  await openSchedule(page);
  await enterDate(page, dates.from);
  await page.getByTestId('notice-deadlines').waitFor();
  // The overdue plan entry is marked too, and the first report lists the row of its year.
  assert.match(await page.getByTestId('deadline-due-plan-identify-procedure').textContent(), /期限切れ（2 日過ぎています）/);
  await page.getByTestId('deadline-rows-periodic-report-1').locator('summary').click();
  assert.match(await page.getByTestId('deadline-rows-periodic-report-1').textContent(), /1 年目に確認する行（1 行）/);
  const found = [...await axeViolations(page, 'ja schedule')];
  // An error showing, too.
  await page.getByTestId('schedule-from').fill('');
  await page.getByTestId('schedule-save').click();
  await page.getByTestId('error').waitFor();
  found.push(...await axeViolations(page, 'ja schedule with an error'));

  await page.getByTestId('site-lang').click();
  await page.locator('[data-testid=app][lang=en]').waitFor();
  await openSchedule(page);
  const notice = page.getByTestId('notice-deadlines');
  await notice.waitFor();
  assert.match(await notice.textContent(), /2 deadlines are overdue or due within 30 days\./);
  assert.match(await page.getByTestId('deadline-due-periodic-report-1').textContent(), /^Due soon \(in (9|10) days\)$/);
  assert.match(await page.getByTestId('schedule-ics').textContent(), /Add to calendar \(\.ics\)/);
  await page.getByTestId('deadline-rows-periodic-report-1').locator('summary').click();
  found.push(...await axeViolations(page, 'en schedule'));
  assert.deepEqual(found, []);
  assert.deepEqual(page.errors, []);
  await context.close();
});
