/**
 * Section 五: the split into problems and improvements, and the problem themes measured against
 * hand-labelled sentences.
 *
 * Two sets of sentences:
 * - tuning: tests/fixtures/problem-sentences.json (rounds 1–3) and the earlier blind sets, each
 *   written blind, run once as the held-out set after a round, its misses then read, so no longer
 *   blind: check2 (after round 3; joined in round 4, some items relabelled to follow the guide, each
 *   with a "note"), check3 (after round 4; joined in round 5), check4 (after round 5; joined in
 *   round 6), check5 (after round 6; joined in round 7), check6 (after round 7; joined in round 8),
 *   check7 (after round 8; joined in round 9), check8 (after round 9; joined in round 10) and check9
 *   (after round 10; joined in round 11). Keywords (themes.ts) are tuned on it; it must stay at
 *   precision and recall ≥ 0.9 per theme.
 * - held-out (check10): tests/fixtures/problem-sentences-check10.json, the items with source
 *   'written-blind', written during round 11 by someone who did not see the keywords or the other
 *   sets, and not opened while round 11 was tuned. It is the measurement: precision and recall
 *   ≥ 0.8 for every theme with five or more check10 examples. Problem and improvement sentences both count
 *   (classifySentence is applied per sentence). Until the file exists, its tests are skipped with a
 *   message.
 *
 * While tuning, run with PROBLEM_THEMES_TUNING_ONLY=1: check10 is then not opened at all (not even
 * tested for existence), and its assertions are skipped. Its misclassified sentences are listed
 * only with PROBLEM_THEMES_SHOW_HELDOUT_MISSES=1 (reading them ends its use as a blind set).
 *
 * Real sentences quoted from published reports cannot be committed; they are measured with
 * scripts/measure-themes.ts, which scores any labelled file the same way (scripts/lib/theme-scores.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, type TestContext } from 'vitest';
import { classifySentence, matchForm, problemThemes, splitProblems, statesNoProblem } from '../src/lib/analysis/problems';
import { THEMES, THEME_KEYS, type ThemeKey } from '../src/lib/analysis/themes';
import { parseReport } from '../src/lib/report';
import { scoreTable, scoreThemes, themeMisses } from '../scripts/lib/theme-scores';
import { SEEDS_DIR, SHARED_CORPUS_DIR, sharedCorpusPresent } from './helpers/corpus';

interface Item {
  id: string;
  text: string;
  source: string;
  kind: 'problem' | 'improvement';
  themes: ThemeKey[];
  /** Why an item was relabelled ("Round N relabel, …"): check2 in round 4, a few others in rounds 9 and 10. */
  note?: string;
}

const flag = (name: string) => ['1', 'true', 'yes'].includes((process.env[name] ?? '').toLowerCase());

const fixture = JSON.parse(readFileSync(resolve(__dirname, 'fixtures/problem-sentences.json'), 'utf8')) as { items: Item[]; guide: Record<string, string> };
const guide = JSON.parse(readFileSync(resolve(__dirname, 'fixtures/problem-themes-guide.json'), 'utf8')) as { guide: Record<string, string> };
/**
 * The blind sets in the order they were written. Each was the held-out set once, run once after a
 * round of tuning; its misses were then read and it joined the tuning set. The last is the
 * held-out set now (see below).
 */
const BLIND_SETS = ['check2', 'check3', 'check4', 'check5', 'check6', 'check7', 'check8', 'check9', 'check10'] as const;
const TUNED_BLIND_SETS = BLIND_SETS.slice(0, -1);
const readSet = (name: string) => JSON.parse(readFileSync(resolve(__dirname, `fixtures/problem-sentences-${name}.json`), 'utf8')) as { about: string; items: Item[] };

/** Round 1–3 sentences. */
const items1 = fixture.items;
/** The blind sets tuned on, by name. */
const tunedBlind: Record<string, Item[]> = Object.fromEntries(TUNED_BLIND_SETS.map((name) => [name, readSet(name).items]));
/** The tuning set: the round 1–3 sentences and every blind set but the last. */
const tuning: Item[] = [...items1, ...TUNED_BLIND_SETS.flatMap((name) => tunedBlind[name])];

// ── The held-out set: the last blind set ─────────────────────────────────────────────────────

const HELDOUT_NAME = BLIND_SETS[BLIND_SETS.length - 1];
const HELDOUT_FILE = resolve(__dirname, `fixtures/problem-sentences-${HELDOUT_NAME}.json`);
const HELDOUT_SOURCE = 'written-blind';
const tuningOnly = flag('PROBLEM_THEMES_TUNING_ONLY');
const showHeldoutMisses = flag('PROBLEM_THEMES_SHOW_HELDOUT_MISSES');

/** The held-out set as read, or why it is absent, or the error reading it (reported by a test, not at load). */
const heldoutLoad: { items: Item[] | null; allItems: number; absent?: string; error?: string } = (() => {
  if (tuningOnly) return { items: null, allItems: 0, absent: `PROBLEM_THEMES_TUNING_ONLY is set: ${HELDOUT_NAME} was not opened` };
  if (!existsSync(HELDOUT_FILE)) return { items: null, allItems: 0, absent: `${HELDOUT_FILE} does not exist yet` };
  try {
    const raw = JSON.parse(readFileSync(HELDOUT_FILE, 'utf8')) as { about?: unknown; items?: Item[] };
    if (!Array.isArray(raw.items)) return { items: null, allItems: 0, error: `${HELDOUT_FILE} has no "items" array` };
    return { items: raw.items.filter((i) => i.source === HELDOUT_SOURCE), allItems: raw.items.length };
  } catch (e) {
    return { items: null, allItems: 0, error: `${HELDOUT_FILE} could not be read: ${(e as Error).message}` };
  }
})();
const heldout: Item[] = heldoutLoad.items ?? [];
const heldoutPresent = heldoutLoad.items !== null;
const heldoutSkip = `${HELDOUT_NAME} (held-out) not measured: ${heldoutLoad.absent ?? heldoutLoad.error}`;

const SEEDS: Record<string, string> = {
  'seed:000': '000_20342ef31a6ba026.txt',
  'seed:001': '001_ece336a5f188f35c.txt',
  'seed:002': '002_c3699d8ca2ce9b9a.txt',
  'seed:003': '003_75afd8928d84c447.txt',
  'seed:004': '004_3c95a7fc71041271.txt',
};
const section五 = (file: string) => parseReport(readFileSync(file, 'utf8'), { fileName: file }).sections.problems;
const seedProblems = (source: string) => section五(`${SEEDS_DIR}/${SEEDS[source]}`);

// ── The fixtures ─────────────────────────────────────────────────────────────────────────────

function expectWellFormed(set: Item[]) {
  expect(new Set(set.map((i) => i.id)).size).toBe(set.length);
  for (const i of set) {
    expect(typeof i.text === 'string' && i.text.length > 0, i.id).toBe(true);
    expect(['problem', 'improvement'], i.id).toContain(i.kind);
    for (const t of i.themes) expect(THEME_KEYS, i.id).toContain(t);
    expect(new Set(i.themes).size, i.id).toBe(i.themes.length);
  }
}

describe('the tuning fixtures', () => {
  it('problem-sentences.json: at least 90 sentences with unique ids, known themes and a guide to every theme', () => {
    expect(items1.length).toBeGreaterThanOrEqual(90);
    expectWellFormed(items1);
    for (const i of items1) expect(i.source).toMatch(/^(?:seed:00[0-4]|corpus:(?:hongze|huaian)|domain\.md|written)$/);
    expect(Object.keys(fixture.guide).sort()).toEqual([...THEME_KEYS].sort());
    expect(Object.keys(guide.guide).sort()).toEqual([...THEME_KEYS].sort());
  });

  it('the blind sets tuned on: written-blind sentences, unique ids and texts across the tuning set, relabels noted', () => {
    for (const name of TUNED_BLIND_SETS) {
      const set = tunedBlind[name];
      expect(set.length, name).toBeGreaterThan(0);
      for (const i of set) expect(i.source, i.id).toBe('written-blind');
      // Relabels are recorded: every note says which round and why.
      for (const i of set.filter((i) => i.note !== undefined)) expect(i.note, i.id).toMatch(/^Round \d+ relabel/);
    }
    // No id or text twice in the whole tuning set (c3-062, a tuning sentence word for word, was
    // removed; so were three section headings that check6 and check8 shared with check5).
    expectWellFormed(tuning);
    expect(new Set(tuning.map((i) => matchForm(i.text))).size).toBe(tuning.length);
  });

  it('quotes the seeds word for word', () => {
    for (const i of items1.filter((i) => i.source.startsWith('seed:'))) expect(seedProblems(i.source), i.id).toContain(i.text);
  });

  it.skipIf(!sharedCorpusPresent)('quotes the corpus reports and domain.md word for word', () => {
    const corpus = {
      'corpus:hongze': section五(`${SHARED_CORPUS_DIR}/hongze-2023-layout.txt`),
      'corpus:huaian': section五(`${SHARED_CORPUS_DIR}/huaian-2024-layout.txt`),
    } as Record<string, string | null>;
    const domainFile = resolve(SHARED_CORPUS_DIR, '../../docs/domain.md');
    for (const i of items1.filter((i) => i.source.startsWith('corpus:'))) expect(corpus[i.source], i.id).toContain(i.text);
    if (existsSync(domainFile)) {
      const domain = readFileSync(domainFile, 'utf8');
      for (const i of items1.filter((i) => i.source === 'domain.md')) expect(domain, i.id).toContain(i.text);
    }
  });
});

describe(`the held-out fixture tests/fixtures/problem-sentences-${HELDOUT_NAME}.json`, () => {
  const skipIfAbsent = (ctx: TestContext) => {
    if (heldoutLoad.error) throw new Error(heldoutLoad.error);
    if (!heldoutPresent) {
      console.warn(heldoutSkip);
      ctx.skip(heldoutSkip);
    }
  };

  it(`has '${HELDOUT_SOURCE}' sentences with unique ids, unique texts and known themes`, (ctx) => {
    skipIfAbsent(ctx);
    expect(heldout.length, `items with source '${HELDOUT_SOURCE}'`).toBeGreaterThan(0);
    expectWellFormed(heldout);
    expect(new Set(heldout.map((i) => matchForm(i.text))).size, `${HELDOUT_NAME} texts unique`).toBe(heldout.length);
  });

  it('has no text equal to a tuning text (a sentence also tuned on is not held out)', (ctx) => {
    skipIfAbsent(ctx);
    const tuningTexts = new Map(tuning.map((i) => [matchForm(i.text), i.id]));
    const shared = heldout.filter((i) => tuningTexts.has(matchForm(i.text))).map((i) => `${i.id} = ${tuningTexts.get(matchForm(i.text))}`);
    expect(shared, 'held-out items whose text is in the tuning set').toEqual([]);
  });
});

// ── Precision and recall per theme ───────────────────────────────────────────────────────────

/** Fewer examples than this and one sentence decides the score: no threshold for the theme. */
const MIN_EXAMPLES = 5;
const TUNING_THRESHOLD = 0.9;
const HELDOUT_THRESHOLD = 0.8;
/**
 * Themes below the threshold on the held-out set check10 (180 sentences written blind, a third in
 * the plainer style of 2010–2018 reports; measured once after round 11, 2026-12-02; P / R):
 * timeliness 0.77 / 0.94, form_channels 0.78 / 0.88, standardization 0.68 / 0.88 — precision, each
 * time. Reaching it: staff 0.95 / 0.95, awareness 0.93 / 1.00, completeness 0.89 / 0.84, interaction
 * 1.00 / 0.86, interpretation 1.00 / 0.85, reach 0.88 / 1.00, platform 0.91 / 1.00, quality
 * 0.92 / 0.92, regulation_learning 0.92 / 0.92, grassroots 0.88 / 1.00, application_handling
 * 1.00 / 1.00; micro 0.87 / 0.93. The three blind sets before it: check9 (round 10) 0.90 / 0.94 with
 * two themes below, check8 (round 9) 0.90 / 0.92 with none. The history is in themes.ts and
 * docs/problem-themes.md.
 */
const KNOWN_BELOW_THRESHOLD = new Set<string>(['timeliness', 'form_channels', 'standardization']);

const scores = { tuning: scoreThemes(tuning), heldout: heldoutPresent ? scoreThemes(heldout) : null };

describe('problem themes: precision and recall per theme', () => {
  it(`prints the table (tuning = problem-sentences.json + ${TUNED_BLIND_SETS.join(', ')}; ${HELDOUT_NAME} = the held-out set)`, () => {
    const heldoutLine = heldoutPresent
      ? `${heldout.length} ${HELDOUT_NAME} sentences ('${HELDOUT_SOURCE}' of ${heldoutLoad.allItems})`
      : heldoutSkip;
    console.log(
      `problem themes, round ${BLIND_SETS.length + 2} (checkN was written after round N − 1): ${tuning.length} tuning sentences (${items1.length} + ${TUNED_BLIND_SETS.map((name) => `${tunedBlind[name].length} ${name}`).join(' + ')}); ${heldoutLine}\n${scoreTable([
        { name: 'tuning', scores: scores.tuning },
        { name: HELDOUT_NAME, scores: scores.heldout },
      ])}`,
    );
    const tuningMisses = themeMisses(tuning);
    if (tuningMisses.length) console.log(`tuning sentences classified differently from their labels:\n${tuningMisses.join('\n')}`);
    if (heldoutPresent && showHeldoutMisses) {
      const heldoutMisses = themeMisses(heldout);
      console.log(
        heldoutMisses.length
          ? `${HELDOUT_NAME} sentences classified differently from their labels (${HELDOUT_NAME} is no longer blind now):\n${heldoutMisses.join('\n')}`
          : `${HELDOUT_NAME}: every sentence classified as labelled`,
      );
    }
  });

  describe(`tuning set: precision and recall ≥ ${TUNING_THRESHOLD} (themes with ≥ ${MIN_EXAMPLES} examples)`, () => {
    for (const t of THEME_KEYS) {
      const s = scores.tuning[t];
      if (s.n < MIN_EXAMPLES) continue;
      it(`${t} (${s.n} examples)`, () => {
        expect(s.precision, `${t} precision`).toBeGreaterThanOrEqual(TUNING_THRESHOLD);
        expect(s.recall, `${t} recall`).toBeGreaterThanOrEqual(TUNING_THRESHOLD);
      });
    }
  });

  describe(`${HELDOUT_NAME} (held-out): precision and recall ≥ ${HELDOUT_THRESHOLD} (themes with ≥ ${MIN_EXAMPLES} ${HELDOUT_NAME} examples)`, () => {
    if (!heldoutPresent) {
      it('every theme with enough examples', (ctx) => {
        if (heldoutLoad.error) throw new Error(heldoutLoad.error);
        console.warn(heldoutSkip);
        ctx.skip(heldoutSkip);
      });
      return;
    }
    const measured = THEME_KEYS.filter((t) => scores.heldout![t].n >= MIN_EXAMPLES);
    it('measures at least one theme', () => {
      const few = THEME_KEYS.filter((t) => !measured.includes(t)).map((t) => `${t} (${scores.heldout![t].n})`);
      if (few.length) console.log(`${HELDOUT_NAME}: fewer than ${MIN_EXAMPLES} examples, not held to the threshold: ${few.join(', ')}`);
      expect(measured.length).toBeGreaterThan(0);
    });
    for (const t of measured) {
      const s = scores.heldout![t];
      const check = () => {
        expect(s.precision, `${t} precision`).toBeGreaterThanOrEqual(HELDOUT_THRESHOLD);
        expect(s.recall, `${t} recall`).toBeGreaterThanOrEqual(HELDOUT_THRESHOLD);
      };
      // Known shortfalls, measured once on the held-out set and left as they are (tuning on it
      // would make it a tuning set): `it.fails` keeps them visible and turns red the day a theme
      // reaches the threshold, so it is moved back among the others.
      if (KNOWN_BELOW_THRESHOLD.has(t)) it.fails(`${t} (${s.n} examples): known below ${HELDOUT_THRESHOLD}, see KNOWN_BELOW_THRESHOLD`, check);
      else it(`${t} (${s.n} examples)`, check);
    }
  });
});

// ── classifySentence ─────────────────────────────────────────────────────────────────────────

describe('classifySentence', () => {
  it('gives each theme once, in the table’s order, with the phrase that triggered it', () => {
    for (const i of tuning) {
      const hits = classifySentence(i.text);
      const keys = hits.map((h) => h.theme);
      expect(new Set(keys).size).toBe(keys.length);
      expect(keys).toEqual(THEME_KEYS.filter((k) => keys.includes(k)));
      for (const h of hits) expect(matchForm(i.text)).toContain(h.phrase);
    }
  });

  it('matches full-width and spaced text like the plain form', () => {
    expect(classifySentence('信息公开工作队伍的业务能力和水平还有待提高')).toEqual([{ theme: 'staff', phrase: '队伍' }]);
    expect(classifySentence('信息 更新 不够 及时')).toEqual([{ theme: 'timeliness', phrase: '更新' }]);
  });

  it('resolves the ambiguities domain.md §5 names', () => {
    // 更新 is timeliness, even of a platform.
    expect(classifySentence('政务公开平台更新较慢').map((h) => h.theme)).toEqual(['timeliness', 'platform']);
    // 单一 is form and channels, unless it is the content that is 单一.
    expect(classifySentence('公开方式单一').map((h) => h.theme)).toEqual(['form_channels']);
    expect(classifySentence('公开内容单一').map((h) => h.theme)).toEqual(['completeness']);
  });

  it('reads the ambiguous words in context (themes.ts, round 3)', () => {
    const themes = (s: string) => classifySentence(s).map((h) => h.theme);
    // 质量 of what is disclosed, not of service or of work at large.
    expect(themes('年度报告编制质量不高')).toEqual(['quality']);
    expect(themes('政务服务质量有待提升')).toEqual([]);
    expect(themes('不断提升工作质量和效率')).toEqual([]);
    // 沟通/反馈/回应 with the public, not between offices or from superiors.
    expect(themes('与群众沟通不够充分')).toEqual(['interaction']);
    expect(themes('部门之间沟通协调不够')).toEqual(['standardization']);
    expect(themes('上级反馈问题整改不彻底')).toEqual([]);
    // 宣传 of disclosure, not of model workers; 宣传解读 is interpretation.
    expect(themes('政务公开宣传不到位')).toEqual(['reach']);
    expect(themes('加强先进典型宣传')).toEqual([]);
    expect(themes('加强政策宣传解读')).toEqual(['interpretation']);
    // 制度/机制 of the disclosure work, not of staff learning; 规范性文件 is a kind of document.
    expect(themes('信息发布审核机制不健全')).toEqual(['standardization']);
    expect(themes('建立跟班学习制度')).toEqual(['staff']);
    expect(themes('规范性文件公开不及时')).toEqual(['timeliness']);
    // 答复 of applications, not of online messages.
    expect(themes('依申请公开答复不够规范')).toEqual(['standardization', 'application_handling']);
    expect(themes('网上留言答复不及时')).toEqual(['timeliness', 'interaction']);
  });

  it('reads the words check2 showed to be ambiguous (themes.ts, round 4)', () => {
    const themes = (s: string) => classifySentence(s).map((h) => h.theme);
    // 形式 as formality, 宣传形式 and channels of interaction or remedy are not ways of disclosure.
    expect(themes('条例学习流于形式')).toEqual(['regulation_learning']);
    expect(themes('政务公开宣传形式单一')).toEqual(['reach']);
    expect(themes('畅通政民互动渠道')).toEqual(['interaction']);
    expect(themes('答复书未告知救济途径')).toEqual(['application_handling']);
    // 公开栏 is a carrier; 公开栏目 is a website's column.
    expect(themes('部分公开栏长期空置')).toEqual(['form_channels']);
    expect(themes('信息公开栏目设置不合理')).toEqual(['platform']);
    // 基层 said by a township of itself; 进社区 as a means of publicity.
    expect(themes('我镇基层政务公开标准化规范化建设推进不够')).toEqual(['standardization']);
    expect(themes('基层政务公开标准化规范化建设有待深化')).toEqual(['standardization', 'grassroots']);
    expect(themes('通过进社区、发放宣传册等方式加大宣传力度')).toEqual(['reach']);
    // The public's awareness of a platform or channel is reach; a platform's own followers stay platform.
    expect(themes('群众对政务公开平台的知晓率较低')).toEqual(['reach']);
    expect(themes('政务新媒体关注人数较少')).toEqual(['reach', 'platform']);
    // The public's 积极性 is not the office's attitude.
    expect(themes('群众参与政务公开的积极性不高')).toEqual(['interaction']);
    expect(themes('部分干部存在“多一事不如少一事”的心态')).toEqual(['awareness']);
    // A document's format not standard is a rule not kept; wording incomplete is not content.
    expect(themes('答复书格式不够规范')).toEqual(['standardization', 'application_handling']);
  });

  it('reads the neighbouring themes check3 showed apart (themes.ts, round 5)', () => {
    const themes = (s: string) => classifySentence(s).map((h) => h.theme);
    // The public's awareness of using information is reach; the office's 意识, 创新意识 included, is awareness.
    expect(themes('群众获取政府信息的意识不强')).not.toContain('awareness');
    expect(themes('增强服务群众的意识')).toEqual(['awareness']);
    expect(themes('创新意识不强')).toEqual(['awareness']);
    expect(themes('部分干部认为政务公开可有可无')).toEqual(['awareness']);
    expect(themes('部分单位存在不愿公开、不敢公开的顾虑')).toEqual(['awareness']);
    // Formalism and offline publicity are no forms of disclosure; text-only formats and service-hall corners are.
    expect(themes('存在重形式、轻实效的问题')).not.toContain('form_channels');
    expect(themes('线下宣传活动开展较少')).toEqual(['reach']);
    expect(themes('信息发布以文字为主')).toEqual(['form_channels']);
    expect(themes('政务服务中心公开专区资料更新不及时')).toEqual(['timeliness', 'form_channels']);
    // Thin content of an interpretation or reply is not thin disclosure; what ought to be disclosed and is not is.
    expect(themes('回复内容简单')).not.toContain('completeness');
    expect(themes('存在应公开未公开的情况')).toEqual(['completeness']);
    expect(themes('公开事项过于简单笼统')).toEqual(['completeness']);
    // Knowing the Regulation, under its full title; learning it late is not late disclosure.
    expect(themes('对新修订的《中华人民共和国政府信息公开条例》领会不深')).toEqual(['regulation_learning']);
    expect(themes('学习《条例》不够及时')).toEqual(['regulation_learning']);
    // Staff who know IT are staffing, not the platform; a title not standard is wording (quality).
    expect(themes('工作人员缺乏信息化知识')).toEqual(['staff']);
    expect(themes('公开信息标题不规范')).toEqual(['quality']);
  });

  it('reads what check4 showed (themes.ts and problems.ts, round 6)', () => {
    const themes = (s: string) => classifySentence(s).map((h) => h.theme);
    // A concessive clause grants, it does not admit: only the rest of the sentence counts …
    expect(themes('尽管网站栏目设置较为齐全，但部分信息更新滞后')).toEqual(['timeliness']);
    expect(themes('虽然开展了多轮业务培训，但公开内容仍不够全面')).toEqual(['completeness']);
    expect(themes('在严格落实审核制度的同时，仍有个别稿件出现笔误')).toEqual(['quality']);
    // … unless the rest names nothing.
    expect(themes('虽然公开意识有所增强，但与上级要求仍有差距')).toEqual(['awareness']);
    // Attitude praised before another problem is not admitted.
    expect(themes('政务公开人员思想上高度重视，但专业知识储备不足')).toEqual(['staff']);
    // Nothing received admits nothing about applications.
    expect(themes('本年度未收到政府信息公开申请')).toEqual([]);
    // The public knowing little is reach, not thin content.
    expect(themes('群众获取政府信息的意识不强，对公开的内容关注不多')).toEqual(['reach']);
    // Time limits and dated pages.
    expect(themes('部分政策文件未能在规定的二十个工作日内予以公开')).toEqual(['timeliness']);
    expect(themes('门户网站页面陈旧')).toEqual(['platform']);
    // Understanding the Regulation wrongly is no defect of what is published.
    expect(themes('对条例理解有偏差')).toEqual(['regulation_learning']);
    // Staff added are no content added.
    expect(themes('充实工作力量，明确一名专职人员负责政务公开')).toEqual(['staff']);
  });

  it('reads what check5 showed (themes.ts, round 7)', () => {
    const themes = (s: string) => classifySentence(s).map((h) => h.theme);
    // A platform as the means of something else is not where the problem lies.
    expect(themes('通过政务新媒体开展线上答疑')).toEqual(['interaction']);
    expect(themes('政民互动平台留言回复率不高')).toContain('platform');
    // 准确 of a grasp is knowledge; 单一 of a source is content, of a form is form.
    expect(themes('准确把握公开范围和程序')).not.toContain('quality');
    expect(themes('信息来源较为单一')).toEqual(['completeness']);
    expect(themes('公开方式较为单一')).toEqual(['form_channels']);
    // Forms of interpretation, named.
    expect(themes('通过在线访谈等方式开展政策解读')).toEqual(['form_channels', 'interpretation']);
    // The public's understanding is reach, not the office's awareness.
    expect(themes('社会公众对政府信息公开的认识还不够')).toEqual(['reach']);
    // A long statement that nothing happened admits nothing.
    expect(themes('本年度未发现因政府信息公开工作引发的投诉、行政复议和行政诉讼等问题')).toEqual([]);
  });

  it('reads traditional characters and praise (problems.ts, round 8)', () => {
    // Reports copied to mirror sites in traditional characters: matched as simplified, the phrase
    // given as written so that it can be marked in the sentence.
    expect(classifySentence('部分信息更新不夠及時')).toEqual([{ theme: 'timeliness', phrase: '更新' }]);
    expect(classifySentence('加強工作人員業務培訓')).toEqual([{ theme: 'staff', phrase: '培訓' }]);
    expect(splitProblems('存在的問題：信息公開不及時。改進措施：加強培訓。')).toEqual({ problems: ['信息公開不及時'], improvements: ['加強培訓'], markerFound: true });
    // Achievements listed before a "but" name no theme, even when the rest names none.
    expect(classifySentence('全市在平台建设、制度完善等方面做了大量工作，取得了较大进展，但与群众要求还有一定差距')).toEqual([]);
  });

  it('reads 同步 and notice boards as the blind sets do (themes.ts, round 9)', () => {
    const themes = (s: string) => classifySentence(s).map((h) => h.theme);
    // An interpretation not published with its document is late; the 三同步 rule is procedure.
    expect(themes('部分政策文件发布后未同步解读')).toContain('timeliness');
    expect(themes('严格落实政策文件与解读材料同步起草、同步审签、同步发布')).not.toContain('timeliness');
    // A board whose content is stale is timeliness (and grassroots), not a form of disclosure; a
    // board badly placed is.
    expect(themes('部分村务公开栏内容更新不及时')).toEqual(['timeliness', 'grassroots']);
    expect(themes('部分村的公开栏设置位置偏僻')).toEqual(['form_channels', 'grassroots']);
  });

  it('reads the older reports as the real sentences showed (themes.ts, round 10)', () => {
    const themes = (s: string) => classifySentence(s).map((h) => h.theme);
    expect(themes('一是政府信息公開力度還有待進一步加大')).toEqual(['completeness']);
    expect(themes('二是信息公开的范围和内容有待进一步扩大完善')).toEqual(['completeness']);
    expect(themes('二是对政府信息公开工作不够重视，监管不力')).toEqual(['awareness', 'standardization']);
    expect(themes('在肯定成绩的同时，我们也清醒地认识到工作中存在的差距和不足')).toEqual([]);
  });

  it('reads what check9 showed (themes.ts, round 11)', () => {
    const themes = (s: string) => classifySentence(s).map((h) => h.theme);
    // 环境质量 is the environment's; a figure consistent across channels is quality, not form.
    expect(themes('在发布环境质量数据时附加通俗说明')).not.toContain('quality');
    expect(themes('确保同一指标各渠道数据一致')).toEqual(['quality']);
    // The old reports' words for rules; a late start is not late disclosure.
    expect(themes('三是依申请公开工作无章可循')).toEqual(['standardization', 'application_handling']);
    expect(themes('我乡政府信息公开工作起步较晚')).toEqual([]);
  });

  it('names no theme in a statement that there is no problem, unless problems follow', () => {
    expect(statesNoProblem('无。')).toBe(true);
    expect(classifySentence('经自查，本年度工作无重大问题。')).toEqual([]);
    expect(classifySentence('暂未发现需要报告的突出问题')).toEqual([]);
    expect(classifySentence('经自查未发现重大问题，但信息更新仍不够及时').map((h) => h.theme)).toEqual(['timeliness', 'standardization']);
    expect(classifySentence('存在无专人负责的问题').map((h) => h.theme)).toEqual(['staff']);
  });

  it('finds nothing in a sentence that names no theme', () => {
    expect(classifySentence('政务公开工作与上级要求相比还有一定差距')).toEqual([]);
    expect(classifySentence('')).toEqual([]);
  });

  it('every theme has a Chinese and an English label and at least one pattern', () => {
    for (const t of THEMES) {
      expect(t.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(t.en).toMatch(/^[A-Z]/);
      expect(t.patterns.length).toBeGreaterThan(0);
    }
  });
});

// ── splitProblems on real texts ──────────────────────────────────────────────────────────────

describe('splitProblems on the seeds (markers found)', () => {
  it('seed 000: 存在问题：… 改进情况：…', () => {
    expect(splitProblems(seedProblems('seed:000'))).toEqual({
      problems: ['队伍建设薄弱，人员专业水平一般', '信息来源存在缺口，内容单一'],
      improvements: ['强化队伍建设，加强业务培训', '拓宽信息来源，及时调整各业务工作流程，定期开展自查工作，对发现问题及时整改，防止出现死角和漏洞'],
      markerFound: true,
    });
  });

  it('seed 001: 主要问题：… 改进措施：…, items split on 。 and ；', () => {
    expect(splitProblems(seedProblems('seed:001'))).toEqual({
      problems: [
        '信息公开形式、内容、数量还不够丰富，公开途径还不够广',
        '公开的事项的时效性有待进一步提高，公开内容的更新速度较慢',
        '主动公开工作流程不够规范，措施和方法单一等',
        '对《中华人民共和国政府信息公开条例》及政府信息公开内容的内涵掌握的熟知程度不够，导致开展政府信息公开工作不到位，公开的内容有偏差',
      ],
      improvements: [
        '进一步推进主动公开再深化',
        '突出重点，紧扣年度重点工作、中心工作，优化政府信息公开发布，全面推进主动公开',
        '强化队伍建设',
        '积极组织开展学习和培训，增强主动公开意识，提升工作能力和业务水平',
        '深化工作责任意识和公开意识，提升公开及时性',
        '继续完善长效工作机制，在现有的政府信息公开工作基础上,不断总结经验,确保政府信息公开工作制度化、规范化,做到深入、持续、高效地开展政府信息公开工作',
      ],
      markerFound: true,
    });
  });

  it('seed 002: one sentence of problems, then 下一步，…将…', () => {
    expect(splitProblems(seedProblems('seed:002'))).toEqual({
      problems: ['劳动街道政府信息公开工作还存在相关科室信息公开意识不强，信息公开不够及时、公开的范围不广、对信息公开工作重要性认识不够等'],
      improvements: ['下一步，街道办事处将加强统筹调度，加大对政府信息公开工作的宣传力度，增强工作人员信息公开意识，提升信息公开工作质量'],
      markerFound: true,
    });
  });

  it('seed 003: problems and measures interleaved per topic; the topic headings are no sentences', () => {
    expect(splitProblems(seedProblems('seed:003'))).toEqual({
      problems: ['信息公开质量不够高, 知晓率未达到预期效果', '政务公开工作有待进一步完善'],
      improvements: [
        '党建办公室严把信息质量, 审核信息内容并及时校正报送, 丰富街道微信公众号内容, 加大宣传力度, 大力推广微信公众号和报送高品质信息稿件',
        '下一步将进一步精准公开内容, 细化保障措施, 及时更新便民服务、政务公开版块信息, 提升公众参与度提高服务质量和工作效率',
      ],
      markerFound: true,
    });
  });

  it('seed 004: (一) 存在的问题 / (二) 改进措施 as sub-headings', () => {
    expect(splitProblems(seedProblems('seed:004'))).toEqual({
      problems: ['信息公开的内容还不够全面，部分信息更新不够及时', '信息公开的形式有待进一步创新，与居民的互动还不够充分', '信息公开工作队伍的业务能力和水平还有待提高'],
      improvements: [
        '加强对信息公开工作的统筹规划，进一步拓展信息公开的内容和范围，确保应公开尽公开',
        '同时，建立信息公开的长效机制，明确信息更新的责任和时限，保证信息的及时性',
        '创新信息公开的形式和载体，加强与居民的互动交流，通过在线访谈、民意调查等方式，广泛听取居民的意见和建议',
        '加强对信息公开工作队伍的培训，提高工作人员的业务能力和水平，定期组织业务培训和交流活动，不断提升工作质量和效率',
        '同时，积极开展回头看，对发现问题及时整改，保证信息公开有质量',
      ],
      markerFound: true,
    });
  });
});

describe.skipIf(!sharedCorpusPresent)('splitProblems on the corpus reports (markers found)', () => {
  it('hongze 2023: "仍存在一定差距。如…等" then 针对存在问题，下一步 (not a problem marker)', () => {
    expect(splitProblems(section五(`${SHARED_CORPUS_DIR}/hongze-2023-layout.txt`))).toEqual({
      problems: [
        '2023 年，洪泽区政府信息公开工作取得一定的成效，但对照上级要求，仍存在一定差距',
        '如依申请公开工作规范性还有待提高、政务公开内容的深度和广度还有待提升、政务公开队伍建设有待加强等',
      ],
      improvements: [
        '针对存在问题，下一步，将切实抓好以下工作',
        '扎实推进依申请公开工作，全面梳理和优化工作流程、健全工作机制、强化部门协同配合，全面提升政府信息依申请公开规范化、专业化水平',
        '围绕区委区政府中心工作，进一步梳理明确政务公开的重点领域，继续优化政务公开、政策解读、关切回应等工作',
        '继续加强业务指导培训',
        '实行政府信息公开工作人员跟班学习制度，不断提高各单位政府信息公开工作人员的思想认识和业务工作水平',
      ],
      markerFound: true,
    });
  });

  it('huaian 2024: an opening sentence, 主要表现在：一是…；二是…, then the measures', () => {
    expect(splitProblems(section五(`${SHARED_CORPUS_DIR}/huaian-2024-layout.txt`))).toEqual({
      problems: [
        '对照上级新要求和公众新期待，还有一些需要加强和改进的地方',
        '政策解读质量仍需提升，个别单位政策解读内容简单、形式单一',
        '政务公开队伍建设还需进一步加强，个别单位存在人员配备不足、兼职多、流动性过快的问题',
      ],
      improvements: [
        '针对存在问题，下一步，我市将着力加强政策解读质效，重点提升解读的针对性和通俗化，探索建立政社合作、多元参与的政策宣传解读模式，开发更多可读、可视、可感的政策解读产品，积极回应企业和群众的实际需求',
        '建立健全“传帮带”机制，对新上岗人员开展“面对面、手把手”指导，定期组织业务培训，全面提升政务公开工作队伍水平，同时加强先进典型宣传和正面激励，增强队伍凝聚力',
      ],
      markerFound: true,
    });
  });
});

describe('splitProblems without markers (fallback: the whole text is problems)', () => {
  it('seed 002’s problem sentence alone: no marker, one problem', () => {
    const text = seedProblems('seed:002')!.split('。')[0] + '。';
    expect(splitProblems(text)).toEqual({
      problems: ['劳动街道政府信息公开工作还存在相关科室信息公开意识不强，信息公开不够及时、公开的范围不广、对信息公开工作重要性认识不够等'],
      improvements: [],
      markerFound: false,
    });
  });

  it('seed 004’s problem items without their heading: numbered items, no marker', () => {
    const text = seedProblems('seed:004')!.split('\n')[1];
    expect(splitProblems(text)).toEqual({
      problems: ['信息公开的内容还不够全面，部分信息更新不够及时', '信息公开的形式有待进一步创新，与居民的互动还不够充分', '信息公开工作队伍的业务能力和水平还有待提高'],
      improvements: [],
      markerFound: false,
    });
  });

  it('an empty or missing section gives nothing (not "no problems": the caller keeps it null)', () => {
    expect(splitProblems(null)).toEqual({ problems: [], improvements: [], markerFound: false });
    expect(splitProblems('')).toEqual({ problems: [], improvements: [], markerFound: false });
  });
});

describe('splitProblems on numbering and label forms', () => {
  it('splits （一） 1. ① items and strips labels and ordinals', () => {
    expect(splitProblems('一、存在的主要问题\n（一）信息更新不及时。（二）宣传力度不大。\n二、改进措施\n1.加强培训；2、规范流程。①加大宣传')).toEqual({
      problems: ['信息更新不及时', '宣传力度不大'],
      improvements: ['加强培训', '规范流程', '加大宣传'],
      markerFound: true,
    });
  });

  it('keeps numbers that are no item numbers: 1.5万, 2023年', () => {
    expect(splitProblems('全年公开信息1.5万条，2023年更新不及时').problems).toEqual(['全年公开信息1.5万条，2023年更新不及时']);
  });
});

// ── problemThemes (report level) ─────────────────────────────────────────────────────────────

describe('problemThemes', () => {
  it('classifies the problems only, not the improvements promised', () => {
    const text = '存在问题：信息更新不够及时。改进措施：加大宣传力度，加强队伍建设。';
    expect(problemThemes(text)).toEqual([{ theme: 'timeliness', sentence: '信息更新不够及时', phrase: '更新' }]);
  });

  it('seeds 000, 002 and 004: every problem theme with its sentence and phrase', () => {
    const short = (source: string) => problemThemes(seedProblems(source)).map((h) => [h.theme, h.phrase, h.sentence]);
    expect(short('seed:000')).toEqual([
      ['staff', '队伍', '队伍建设薄弱，人员专业水平一般'],
      ['completeness', '信息来源', '信息来源存在缺口，内容单一'],
    ]);
    const s002 = '劳动街道政府信息公开工作还存在相关科室信息公开意识不强，信息公开不够及时、公开的范围不广、对信息公开工作重要性认识不够等';
    expect(short('seed:002')).toEqual([
      ['awareness', '意识', s002],
      ['timeliness', '及时', s002],
      ['completeness', '范围不广', s002],
    ]);
    expect(short('seed:004')).toEqual([
      ['timeliness', '更新', '信息公开的内容还不够全面，部分信息更新不够及时'],
      ['completeness', '不够全面', '信息公开的内容还不够全面，部分信息更新不够及时'],
      ['form_channels', '形式', '信息公开的形式有待进一步创新，与居民的互动还不够充分'],
      ['interaction', '互动', '信息公开的形式有待进一步创新，与居民的互动还不够充分'],
      ['staff', '队伍', '信息公开工作队伍的业务能力和水平还有待提高'],
    ]);
  });

  it('classifies the whole text when no marker is found', () => {
    expect(problemThemes('宣传力度不大；队伍建设薄弱').map((h) => h.theme)).toEqual(['reach', 'staff']);
  });
});
