// End-to-end: several people, one self-check (issue 23 §1). The owner (context A) adds people, assigns them topics
// and an item, and hands out assignment files; two people (contexts B and C) open theirs in their own browsers,
// answer, and hand back answers files; the owner merges both at once (a copy kept first), decides the one conflict
// side by side, and refuses a file merged again (nothing new), a tampered file and another self-check's file.
// Nothing is lost on reload, and axe finds nothing on either side, in Japanese and English.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setup, openPage, waitForFocus, axeViolations } from './browser.mjs';

const env = setup();
let tmp;
before(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'tics-e2e-team-'));
});

const APP = () => `${env.server.origin}/#/business/self-check`;

/** Clicks `button` (a locator) and returns the downloaded file's name, path and text. */
async function download(page, button) {
  const [dl] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const file = path.join(tmp, `${Date.now()}-${dl.suggestedFilename()}`);
  await dl.saveAs(file);
  return { name: dl.suggestedFilename(), file, text: await readFile(file, 'utf8') };
}

/** Today's local date, as the app names files. */
function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function showTeam(page) {
  await page.getByTestId('view-team').click();
  await page.getByTestId('view-loading').waitFor({ state: 'detached' });
  await page.getByTestId('team').waitFor();
}

async function switchLanguage(page, lang) {
  await page.getByTestId('site-lang').click();
  await page.locator(`[data-testid=app][lang=${lang}]`).waitFor();
}

async function addPerson(page, name, department) {
  await page.getByTestId('team-add-name').fill(name);
  await page.getByTestId('team-add-department').fill(department);
  await page.getByTestId('team-add').click();
  await page.getByRole('group', { name: `${name}（${department}）` }).waitFor();
}

/** Opens the assignment file `file` in a fresh browser context; returns its page, on the Team view. */
async function openAssignment(context, file) {
  const page = await openPage(context, APP());
  await showTeam(page);
  await page.getByTestId('team-open-input').setInputFiles(file);
  await page.getByTestId('team-assignment').waitFor();
  return page;
}

test('the owner hands out topics, two people answer in their own browsers, and their answers merge with one conflict decided', async () => {
  const date = today();
  const a = await env.browser.newContext({ acceptDownloads: true });
  const owner = await openPage(a, APP());
  // The owner answers an item of ① before handing it out.
  await owner.getByTestId('status-identify-procedure-done').check();
  await owner.getByTestId('view-files').click();
  await owner.getByTestId(`rename-${await owner.getByTestId('open-select').inputValue()}`).click();
  await owner.locator('input[data-testid^=rename-input-]').fill('本社');
  await owner.keyboard.press('Enter');
  await owner.getByTestId('library-entry').filter({ hasText: '本社' }).waitFor();

  await showTeam(owner);
  await addPerson(owner, '佐藤', '製造部');
  await addPerson(owner, '鈴木', '総務部');
  // Add, rename and remove a third: renaming keeps the person, removing moves focus to the list's heading.
  await addPerson(owner, '高橋', '品質部');
  const takahashi = owner.getByRole('group', { name: '高橋（品質部）' });
  await takahashi.getByLabel('部署').fill('品質保証部');
  await takahashi.getByLabel('部署').press('Tab');
  await owner.getByTestId('flash').filter({ hasText: '担当者を「高橋（品質保証部）」にしました' }).waitFor();
  await owner.getByRole('group', { name: '高橋（品質保証部）' }).getByRole('button', { name: 'この担当者を外す' }).click();
  await waitForFocus(owner, (el) => el.id === 'tics-team-people-heading');
  await owner.getByTestId('flash').filter({ hasText: '高橋（品質保証部）と、その割り当てを外しました' }).waitFor();
  assert.equal(await owner.getByRole('group', { name: /高橋/ }).count(), 0);

  // ① to Sato, ② to Suzuki, and one item of ③ to Suzuki by itself.
  await owner.getByTestId('team-topic-select-identify').selectOption({ label: '佐藤（製造部）' });
  await owner.getByTestId('flash').filter({ hasText: '「① 重要情報の特定」を佐藤（製造部）の担当にしました' }).waitFor();
  await owner.getByTestId('team-topic-select-mark').selectOption({ label: '鈴木（総務部）' });
  await owner.getByTestId('team-topic-items-manager').locator('summary').click();
  await owner.getByTestId('team-item-manager-appoint').selectOption({ label: '鈴木（総務部）' });
  await owner.getByTestId('team-topic-progress-manager').filter({ hasText: 'うち 1 項目は個別に割り当て' }).waitFor();
  assert.match(await owner.getByTestId('team-topic-progress-identify').textContent(), /担当: 佐藤（製造部） — 2 項目中 1 項目が回答済み/);
  const sato = owner.getByRole('group', { name: '佐藤（製造部）' });
  const suzuki = owner.getByRole('group', { name: '鈴木（総務部）' });
  assert.match(await sato.textContent(), /佐藤（製造部）: 2 項目中 1 項目が回答済み/);
  assert.match(await suzuki.textContent(), /鈴木（総務部）: 3 項目中 0 項目が回答済み/);

  const file1 = await download(owner, sato.getByRole('button', { name: '割り当てファイルをダウンロード' }));
  assert.equal(file1.name, `割り当て_佐藤（製造部）_${date}.json`);
  assert.equal(JSON.parse(file1.text).format, 'tics-self-check-assignment');
  const file2 = await download(owner, suzuki.getByRole('button', { name: '割り当てファイルをダウンロード' }));
  assert.equal(file2.name, `割り当て_鈴木（総務部）_${date}.json`);

  // B: Sato opens file 1, sees only their items, answers both, and hands back the answers file.
  const b = await env.browser.newContext({ acceptDownloads: true });
  const person = await openAssignment(b, file1.file);
  assert.equal(await person.getByTestId('team-assignment-owner').textContent(), '本社');
  assert.equal(await person.getByTestId('team-assignment-person').textContent(), '佐藤（製造部）');
  assert.match(await person.getByTestId('team-assignment-progress').textContent(), /2 項目中 1 項目が回答済み/);
  assert.equal(await person.getByTestId('team-assignment-items').locator('li').count(), 2);
  const personFound = [...await axeViolations(person, 'ja person side')];
  await person.getByTestId('view-check').click();
  await person.getByTestId('status-identify-procedure-partial').check();
  await person.getByTestId('status-identify-management-questions-partial').check();
  await person.getByTestId('note-identify-management-questions').fill('年1回の棚卸しで確認 <b>B</b>');
  // Someone else's item is not to be answered here.
  assert.equal(await person.getByTestId('status-mark-label-done').count(), 0);
  await showTeam(person);
  assert.match(await person.getByTestId('team-assignment-progress').textContent(), /2 項目中 2 項目が回答済み/);
  const answers1 = await download(person, person.getByTestId('team-download-answers'));
  assert.equal(answers1.name, `回答_佐藤（製造部）_${date}.json`);
  await switchLanguage(person, 'en');
  await showTeam(person);
  await person.getByText('Your assignment').waitFor();
  personFound.push(...await axeViolations(person, 'en person side'));
  assert.deepEqual(personFound, []);
  assert.deepEqual(person.errors, []);

  // C: Suzuki answers their three items without conflict.
  const c = await env.browser.newContext({ acceptDownloads: true });
  const other = await openAssignment(c, file2.file);
  await other.getByTestId('view-check').click();
  await other.getByTestId('status-mark-label-done').check();
  await other.getByTestId('status-manager-appoint-done').check();
  await showTeam(other);
  const answers2 = await download(other, other.getByTestId('team-download-answers'));

  // A changes an item of ① after handing it out: Sato's different answer to it is a conflict. The summary names
  // who still has items to answer.
  await owner.getByTestId('view-check').click();
  assert.equal(await owner.getByTestId('unanswered-assignments').textContent(),
    '割り当てた項目のうち未回答: 佐藤（製造部） 1 件、鈴木（総務部） 3 件');
  await owner.getByTestId('status-identify-management-questions-not_done').check();
  await showTeam(owner);
  await owner.getByTestId('team-merge-input').setInputFiles([answers1.file, answers2.file]);
  await owner.getByTestId('flash').filter({ hasText: '3 件の回答を取り込み、食い違い 1 件が決定待ちです。' }).waitFor();
  assert.match(await owner.getByTestId('flash').textContent(), /統合前の状態は「本社 （統合前 /);
  const conflict = owner.getByTestId('team-conflict-identify-management-questions');
  const table = await conflict.locator('table').innerText();
  assert.match(table, /自分の回答（現在）\s+佐藤（製造部）の回答/);
  assert.match(table, /状態\s+未実施\s+一部実施/);
  assert.match(table, /年1回の棚卸しで確認 <b>B<\/b>/, 'a returned note is shown as text');
  assert.match(table, /確認者\s+—\s+佐藤（製造部）/);
  assert.match(await sato.textContent(), /2 項目中 2 項目が回答済み/);
  assert.match(await suzuki.textContent(), /3 項目中 2 項目が回答済み/);

  // axe on the owner's side with people, assignments and a conflict listed, in both languages.
  const ownerFound = [...await axeViolations(owner, 'ja owner side')];
  await switchLanguage(owner, 'en');
  await showTeam(owner);
  await owner.getByText('Conflicts to decide (1)').waitFor();
  await owner.getByRole('button', { name: 'Take 佐藤\'s answer' }).waitFor();
  ownerFound.push(...await axeViolations(owner, 'en owner side'));
  await switchLanguage(owner, 'ja');
  await showTeam(owner);
  assert.deepEqual(ownerFound, []);

  // The merged answers stand on their items, signed by who answered; the conflict's item keeps the owner's answer.
  await owner.getByTestId('view-check').click();
  assert.equal(await owner.locator('#tics-item-identify-procedure-checker').inputValue(), '佐藤（製造部）');
  assert.ok(await owner.getByTestId('status-identify-procedure-partial').isChecked());
  assert.equal(await owner.locator('#tics-item-mark-label-checker').inputValue(), '鈴木（総務部）');
  assert.ok(await owner.getByTestId('status-manager-appoint-done').isChecked());
  assert.ok(await owner.getByTestId('status-identify-management-questions-not_done').isChecked());

  // The owner takes Sato's answer: it is announced, and focus goes to the list's heading (no conflict left).
  await showTeam(owner);
  await owner.getByRole('button', { name: '佐藤さんの回答を採用' }).click();
  await owner.getByTestId('flash').filter({ hasText: '佐藤さんの回答を採用しました。決定待ちの食い違いはもうありません。' }).waitFor();
  await waitForFocus(owner, (el) => el.id === 'tics-team-conflicts-heading');
  assert.equal(await owner.getByTestId('team-conflict-identify-management-questions').count(), 0);
  await owner.getByTestId('view-check').click();
  assert.ok(await owner.getByTestId('status-identify-management-questions-partial').isChecked());
  assert.equal(await owner.getByTestId('note-identify-management-questions').inputValue(), '年1回の棚卸しで確認 <b>B</b>');
  assert.equal(await owner.getByTestId('unanswered-assignments').textContent(), '割り当てた項目のうち未回答: 鈴木（総務部） 1 件');

  // The library kept the self-check as it was before the merge.
  await owner.getByTestId('view-files').click();
  await owner.getByTestId('library-entry').filter({ hasText: '本社 （統合前 ' }).waitFor();
  assert.equal(await owner.getByTestId('library-entry').count(), 2);

  // Merging file 1 again adds nothing, and keeps no further copy.
  await showTeam(owner);
  await owner.getByTestId('team-merge-input').setInputFiles(answers1.file);
  await owner.getByTestId('flash').filter({ hasText: '新しい回答はありませんでした' }).waitFor();
  await owner.getByTestId('view-files').click();
  assert.equal(await owner.getByTestId('library-entry').count(), 2);

  // A tampered file (one character changed) and another self-check's answers file are refused, with why.
  const tampered = path.join(tmp, 'tampered.json');
  await writeFile(tampered, answers1.text.replace('年1回', '年2回'));
  const d = await env.browser.newContext({ acceptDownloads: true });
  const elsewhere = await openPage(d, APP());
  await showTeam(elsewhere);
  await addPerson(elsewhere, '田中', '営業部');
  await elsewhere.getByTestId('team-topic-select-identify').selectOption({ label: '田中（営業部）' });
  const foreign = await download(elsewhere, elsewhere.getByRole('button', { name: '割り当てファイルをダウンロード' }));
  await elsewhere.getByTestId('team-open-input').setInputFiles(foreign.file);
  await elsewhere.getByTestId('team-assignment').waitFor();
  const foreignAnswers = await download(elsewhere, elsewhere.getByTestId('team-download-answers'));
  const otherFile = path.join(tmp, 'other.json');
  await writeFile(otherFile, foreignAnswers.text);
  await d.close();

  await showTeam(owner);
  await owner.getByTestId('team-merge-input').setInputFiles([tampered, otherFile]);
  await owner.getByTestId('error').filter({ hasText: '2 件のファイルを取り込めませんでした' }).waitFor();
  const refused = await owner.getByTestId('team-refused').innerText();
  assert.match(refused, /tampered\.json: このファイルは作られた後に変更されたか、壊れています/);
  assert.match(refused, /other\.json: このファイルは別のセルフチェック（.+）の割り当てへの回答です/);
  await owner.getByTestId('view-files').click();
  assert.equal(await owner.getByTestId('library-entry').count(), 2, 'nothing merged, no copy kept');

  // A reloads: answers, people and assignments are all there.
  await owner.reload();
  await owner.getByTestId('app').waitFor();
  assert.ok(await owner.getByTestId('status-identify-management-questions-partial').isChecked());
  assert.equal(await owner.locator('#tics-item-mark-label-checker').inputValue(), '鈴木（総務部）');
  await showTeam(owner);
  await owner.getByRole('group', { name: '佐藤（製造部）' }).waitFor();
  await owner.getByRole('group', { name: '鈴木（総務部）' }).waitFor();
  assert.equal(await owner.getByTestId('team-topic-select-identify').locator('option:checked').textContent(), '佐藤（製造部）');
  assert.equal(await owner.getByTestId('team-topic-select-mark').locator('option:checked').textContent(), '鈴木（総務部）');
  assert.match(await owner.getByTestId('team-topic-progress-manager').textContent(), /うち 1 項目は個別に割り当て/);
  assert.match(await owner.getByTestId('team-conflicts').textContent(), /決定待ちの食い違い（0 件）/);

  const requests = [owner, person, other].flatMap((p) => p.requests.filter((u) => !u.startsWith(env.server.origin + '/') && !u.startsWith('blob:')));
  assert.deepEqual(requests, [], 'nothing is sent anywhere');
  assert.deepEqual(owner.errors, []);
  await Promise.all([a.close(), b.close(), c.close()]);
});

test('an assignment file that is not one is refused with its reason', async () => {
  const context = await env.browser.newContext();
  const page = await openPage(context, APP());
  await showTeam(page);
  const bad = path.join(tmp, 'not-an-assignment.json');
  await writeFile(bad, '{"format":"tics-self-check-result"}');
  await page.getByTestId('team-open-input').setInputFiles(bad);
  await page.getByTestId('error').filter({ hasText: 'not-an-assignment.json: ' }).waitFor();
  assert.equal(await page.getByTestId('team-assignment').count(), 0);
  await context.close();
});
