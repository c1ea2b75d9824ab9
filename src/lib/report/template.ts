/**
 * The official templates' labels: the single source of truth.
 *
 * The parser matches these labels (and their variants) in report text, the data build writes them
 * into the database's `labels` table, and the app shows the same names. Keys are the report
 * record's keys (see README "The report record"). Labels are given in simplified Chinese as the
 * 2021 notice (国办公开办函〔2021〕30号) and the 2019 notice (〔2019〕60号) print them; `variants`
 * are other spellings seen in real reports.
 */

export type TemplateId = '2021' | '2019';

/** One labelled thing (a row, an item or a column) of an official table. */
export interface LabelDef {
  key: string;
  /** The label as the template prints it (display name). */
  label: string;
  /** Other spellings seen in real reports, for matching only. */
  variants?: string[];
}

/** An item of table 二 (proactive disclosure) and the columns it has in one template. */
export interface ActiveItemDef extends LabelDef {
  columns: LabelDef[];
}

// ── Section 二: proactive disclosure ─────────────────────────────────────────────────────────

const issuedColumns: LabelDef[] = [
  { key: 'issued', label: '本年制发件数' },
  { key: 'repealed', label: '本年废止件数' },
  { key: 'inForce', label: '现行有效件数' },
];
const decisions2021: LabelDef[] = [{ key: 'decisions', label: '本年处理决定数量' }];

export const ACTIVE_2021: ActiveItemDef[] = [
  { key: 'regulations', label: '规章', columns: issuedColumns },
  { key: 'normativeDocuments', label: '行政规范性文件', variants: ['规范性文件'], columns: issuedColumns },
  { key: 'licensing', label: '行政许可', columns: decisions2021 },
  { key: 'punishment', label: '行政处罚', columns: decisions2021 },
  { key: 'coercion', label: '行政强制', columns: decisions2021 },
  {
    key: 'fees',
    label: '行政事业性收费',
    columns: [{ key: 'amountWan', label: '本年收费金额（万元）', variants: ['本年收费金额'] }],
  },
];

const madeColumns: LabelDef[] = [
  { key: 'made', label: '本年新制作数量' },
  { key: 'published', label: '本年新公开数量' },
  { key: 'totalPublic', label: '对外公开总数量' },
];
const projectColumns: LabelDef[] = [
  { key: 'previous', label: '上一年项目数量' },
  { key: 'change', label: '本年增/减' },
  { key: 'decisions', label: '处理决定数量' },
];

export const ACTIVE_2019: ActiveItemDef[] = [
  { key: 'regulations', label: '规章', columns: madeColumns },
  { key: 'normativeDocuments', label: '规范性文件', columns: madeColumns },
  { key: 'licensing', label: '行政许可', columns: projectColumns },
  { key: 'otherServices', label: '其他对外管理服务事项', columns: projectColumns },
  { key: 'punishment', label: '行政处罚', columns: projectColumns },
  { key: 'coercion', label: '行政强制', columns: projectColumns },
  { key: 'fees', label: '行政事业性收费', columns: projectColumns.slice(0, 2) },
  {
    key: 'procurement',
    label: '政府集中采购',
    columns: [
      { key: 'projects', label: '采购项目数量' },
      { key: 'amountWan', label: '采购总金额' },
    ],
  },
];

export const ACTIVE_ITEMS: Record<TemplateId, ActiveItemDef[]> = { '2021': ACTIVE_2021, '2019': ACTIVE_2019 };

/** Column labels that only one template prints: they tell the formats apart (never the year). */
export const TEMPLATE_MARKERS: Record<TemplateId, string[]> = {
  '2021': ['本年制发件数', '本年废止件数', '现行有效件数', '本年收费金额'],
  '2019': ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '第二十条第(九)项', '政府集中采购'],
};

// ── Section 三: applications ─────────────────────────────────────────────────────────────────

/** The seven applicant columns, in the template's order. */
export const APPLICANT_COLUMNS: LabelDef[] = [
  { key: 'naturalPerson', label: '自然人' },
  { key: 'commercial', label: '商业企业' },
  { key: 'research', label: '科研机构' },
  { key: 'socialWelfare', label: '社会公益组织', variants: ['社会组织'] },
  { key: 'legalService', label: '法律服务机构' },
  { key: 'otherOrg', label: '其他' },
  { key: 'total', label: '总计' },
];

export interface ApplicationRowDef extends LabelDef {
  /** The group heading the row sits under, e.g. （三）不予公开. */
  group?: string;
  /** Rows that are results of handling: they sum to totalProcessed. */
  result?: boolean;
  /**
   * `split`: one of the three sub-rows of （六）其他处理 (2021); `whole`: （六）其他处理 printed as one
   * row (2019, some 2021). A report prints one form or the other, never both.
   */
  otherForm?: 'split' | 'whole';
}

export const APPLICATION_ROWS: ApplicationRowDef[] = [
  { key: 'newReceived', label: '一、本年新收政府信息公开申请数量', variants: ['本年新收'] },
  { key: 'carriedOver', label: '二、上年结转政府信息公开申请数量', variants: ['上年结转'] },
  { key: 'granted', label: '（一）予以公开', group: '三、本年度办理结果', result: true },
  {
    key: 'partiallyGranted',
    label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    variants: ['部分公开'],
    result: true,
  },
  { key: 'deniedStateSecret', label: '1.属于国家秘密', group: '（三）不予公开', result: true },
  { key: 'deniedLawProhibited', label: '2.其他法律行政法规禁止公开', variants: ['其他法律法规禁止公开'], group: '（三）不予公开', result: true },
  { key: 'deniedSafetyStability', label: '3.危及“三安全一稳定”', variants: ['三安全一稳定'], group: '（三）不予公开', result: true },
  { key: 'deniedThirdParty', label: '4.保护第三方合法权益', group: '（三）不予公开', result: true },
  { key: 'deniedInternalAffairs', label: '5.属于三类内部事务信息', group: '（三）不予公开', result: true },
  { key: 'deniedProcessInfo', label: '6.属于四类过程性信息', group: '（三）不予公开', result: true },
  { key: 'deniedEnforcementFile', label: '7.属于行政执法案卷', group: '（三）不予公开', result: true },
  { key: 'deniedAdminQuery', label: '8.属于行政查询事项', group: '（三）不予公开', result: true },
  { key: 'unavailableNotHeld', label: '1.本机关不掌握相关政府信息', group: '（四）无法提供', result: true },
  { key: 'unavailableNeedsCreation', label: '2.没有现成信息需要另行制作', group: '（四）无法提供', result: true },
  { key: 'unavailableUnclear', label: '3.补正后申请内容仍不明确', group: '（四）无法提供', result: true },
  { key: 'rejectedComplaint', label: '1.信访举报投诉类申请', group: '（五）不予处理', result: true },
  { key: 'rejectedRepeated', label: '2.重复申请', group: '（五）不予处理', result: true },
  { key: 'rejectedPublication', label: '3.要求提供公开出版物', group: '（五）不予处理', result: true },
  { key: 'rejectedMassRepeated', label: '4.无正当理由大量反复申请', group: '（五）不予处理', result: true },
  { key: 'rejectedConfirmation', label: '5.要求行政机关确认或重新出具已获取信息', group: '（五）不予处理', result: true },
  {
    key: 'otherNoCorrection',
    label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    group: '（六）其他处理',
    result: true,
    otherForm: 'split',
  },
  {
    key: 'otherUnpaidFee',
    label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    group: '（六）其他处理',
    result: true,
    otherForm: 'split',
  },
  { key: 'otherOther', label: '3.其他', group: '（六）其他处理', result: true, otherForm: 'split' },
  { key: 'otherHandling', label: '（六）其他处理', result: true, otherForm: 'whole' },
  { key: 'totalProcessed', label: '（七）总计' },
  { key: 'carriedForward', label: '四、结转下年度继续办理', variants: ['结转下年度'] },
];

// ── Section 四: administrative review and litigation ──────────────────────────────────────────

export const REVIEW_GROUPS: LabelDef[] = [
  { key: 'review', label: '行政复议' },
  { key: 'litigationDirect', label: '行政诉讼·未经复议直接起诉' },
  { key: 'litigationAfterReview', label: '行政诉讼·复议后起诉' },
];

export const REVIEW_COLUMNS: LabelDef[] = [
  { key: 'upheld', label: '结果维持' },
  { key: 'corrected', label: '结果纠正' },
  { key: 'other', label: '其他结果' },
  { key: 'pending', label: '尚未审结' },
  { key: 'total', label: '总计' },
];

// ── Sections ─────────────────────────────────────────────────────────────────────────────────

export type SectionKey = 'overview' | 'active' | 'applications' | 'reviewLitigation' | 'problems' | 'other';

export interface SectionDef {
  key: SectionKey;
  /** The ordinal the template numbers the section with. */
  ordinal: string;
  label: string;
  /** A heading is this section's when it carries the ordinal and one of these words. */
  keywords: string[];
}

export const SECTIONS: SectionDef[] = [
  { key: 'overview', ordinal: '一', label: '一、总体情况', keywords: ['总体', '概述', '基本情况', '概况'] },
  { key: 'active', ordinal: '二', label: '二、主动公开政府信息情况', keywords: ['主动公开'] },
  { key: 'applications', ordinal: '三', label: '三、收到和处理政府信息公开申请情况', keywords: ['申请'] },
  { key: 'reviewLitigation', ordinal: '四', label: '四、政府信息公开行政复议、行政诉讼情况', keywords: ['复议', '诉讼'] },
  { key: 'problems', ordinal: '五', label: '五、存在的主要问题及改进情况', keywords: ['问题', '不足', '改进'] },
  { key: 'other', ordinal: '六', label: '六、其他需要报告的事项', keywords: ['其他'] },
];
