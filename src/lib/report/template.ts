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
  /** Its English name, shown in the English interface. */
  en: string;
  /** Other spellings seen in real reports, for matching only. */
  variants?: string[];
}

/** An item of table 二 (proactive disclosure) and the columns it has in one template. */
export interface ActiveItemDef extends LabelDef {
  columns: LabelDef[];
}

// ── Section 二: proactive disclosure ─────────────────────────────────────────────────────────

const issuedColumns: LabelDef[] = [
  { key: 'issued', label: '本年制发件数', en: 'Issued this year' },
  { key: 'repealed', label: '本年废止件数', en: 'Repealed this year' },
  { key: 'inForce', label: '现行有效件数', en: 'In force' },
];
const decisions2021: LabelDef[] = [{ key: 'decisions', label: '本年处理决定数量', en: 'Decisions this year' }];

export const ACTIVE_2021: ActiveItemDef[] = [
  { key: 'regulations', label: '规章', en: 'Rules', columns: issuedColumns },
  { key: 'normativeDocuments', label: '行政规范性文件', en: 'Administrative normative documents', variants: ['规范性文件'], columns: issuedColumns },
  { key: 'licensing', label: '行政许可', en: 'Administrative licensing', columns: decisions2021 },
  { key: 'punishment', label: '行政处罚', en: 'Administrative penalties', columns: decisions2021 },
  { key: 'coercion', label: '行政强制', en: 'Administrative coercion', columns: decisions2021 },
  {
    key: 'fees',
    label: '行政事业性收费',
    en: 'Administrative fees',
    columns: [{ key: 'amountWan', label: '本年收费金额（万元）', en: 'Fees collected this year (10,000 yuan)', variants: ['本年收费金额'] }],
  },
];

const madeColumns: LabelDef[] = [
  { key: 'made', label: '本年新制作数量', en: 'Made this year' },
  { key: 'published', label: '本年新公开数量', en: 'Newly disclosed this year' },
  { key: 'totalPublic', label: '对外公开总数量', en: 'Disclosed in total' },
];
const projectColumns: LabelDef[] = [
  { key: 'previous', label: '上一年项目数量', en: 'Items last year' },
  { key: 'change', label: '本年增/减', en: 'Change this year' },
  { key: 'decisions', label: '处理决定数量', en: 'Decisions' },
];

export const ACTIVE_2019: ActiveItemDef[] = [
  { key: 'regulations', label: '规章', en: 'Rules', columns: madeColumns },
  { key: 'normativeDocuments', label: '规范性文件', en: 'Normative documents', columns: madeColumns },
  { key: 'licensing', label: '行政许可', en: 'Administrative licensing', columns: projectColumns },
  { key: 'otherServices', label: '其他对外管理服务事项', en: 'Other administrative and public services', columns: projectColumns },
  { key: 'punishment', label: '行政处罚', en: 'Administrative penalties', columns: projectColumns },
  { key: 'coercion', label: '行政强制', en: 'Administrative coercion', columns: projectColumns },
  { key: 'fees', label: '行政事业性收费', en: 'Administrative fees', columns: projectColumns.slice(0, 2) },
  {
    key: 'procurement',
    label: '政府集中采购',
    en: 'Centralised government procurement',
    columns: [
      { key: 'projects', label: '采购项目数量', en: 'Procurement projects' },
      { key: 'amountWan', label: '采购总金额', en: 'Total procurement amount' },
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
  { key: 'naturalPerson', label: '自然人', en: 'Natural persons' },
  { key: 'commercial', label: '商业企业', en: 'Businesses' },
  { key: 'research', label: '科研机构', en: 'Research institutions' },
  { key: 'socialWelfare', label: '社会公益组织', en: 'Public-interest organisations', variants: ['社会组织'] },
  { key: 'legalService', label: '法律服务机构', en: 'Legal service providers' },
  { key: 'otherOrg', label: '其他', en: 'Others' },
  { key: 'total', label: '总计', en: 'Total' },
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

/** The group headings of section 三's rows (ApplicationRowDef.group) and their English names. */
export const APPLICATION_GROUPS: Record<string, string> = {
  '三、本年度办理结果': '3. Results of handling this year',
  '（三）不予公开': '(3) Not disclosed',
  '（四）无法提供': '(4) Cannot be provided',
  '（五）不予处理': '(5) Not processed',
  '（六）其他处理': '(6) Other handling',
};

export const APPLICATION_ROWS: ApplicationRowDef[] = [
  { key: 'newReceived', label: '一、本年新收政府信息公开申请数量', en: '1. New applications received this year', variants: ['本年新收'] },
  { key: 'carriedOver', label: '二、上年结转政府信息公开申请数量', en: '2. Applications carried over from last year', variants: ['上年结转'] },
  { key: 'granted', label: '（一）予以公开', en: '(1) Disclosed in full', group: '三、本年度办理结果', result: true },
  {
    key: 'partiallyGranted',
    label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    en: '(2) Partly disclosed (a request handled in parts counts here only)',
    variants: ['部分公开'],
    result: true,
  },
  { key: 'deniedStateSecret', label: '1.属于国家秘密', en: '1. State secrets', group: '（三）不予公开', result: true },
  { key: 'deniedLawProhibited', label: '2.其他法律行政法规禁止公开', en: '2. Disclosure prohibited by other laws and administrative regulations', variants: ['其他法律法规禁止公开'], group: '（三）不予公开', result: true },
  { key: 'deniedSafetyStability', label: '3.危及“三安全一稳定”', en: '3. Would endanger national, public or economic security or social stability', variants: ['三安全一稳定'], group: '（三）不予公开', result: true },
  { key: 'deniedThirdParty', label: '4.保护第三方合法权益', en: '4. Protecting the lawful rights and interests of third parties', group: '（三）不予公开', result: true },
  { key: 'deniedInternalAffairs', label: '5.属于三类内部事务信息', en: '5. Internal affairs information (three kinds)', group: '（三）不予公开', result: true },
  { key: 'deniedProcessInfo', label: '6.属于四类过程性信息', en: '6. Process information (four kinds)', group: '（三）不予公开', result: true },
  { key: 'deniedEnforcementFile', label: '7.属于行政执法案卷', en: '7. Administrative enforcement case files', group: '（三）不予公开', result: true },
  { key: 'deniedAdminQuery', label: '8.属于行政查询事项', en: '8. Matters for administrative enquiry', group: '（三）不予公开', result: true },
  { key: 'unavailableNotHeld', label: '1.本机关不掌握相关政府信息', en: '1. This office does not hold the information', group: '（四）无法提供', result: true },
  { key: 'unavailableNeedsCreation', label: '2.没有现成信息需要另行制作', en: '2. No existing information; it would have to be created', group: '（四）无法提供', result: true },
  { key: 'unavailableUnclear', label: '3.补正后申请内容仍不明确', en: '3. Request still unclear after correction', group: '（四）无法提供', result: true },
  { key: 'rejectedComplaint', label: '1.信访举报投诉类申请', en: '1. Petitions, reports and complaints', group: '（五）不予处理', result: true },
  { key: 'rejectedRepeated', label: '2.重复申请', en: '2. Repeated applications', group: '（五）不予处理', result: true },
  { key: 'rejectedPublication', label: '3.要求提供公开出版物', en: '3. Requests for published material', group: '（五）不予处理', result: true },
  { key: 'rejectedMassRepeated', label: '4.无正当理由大量反复申请', en: '4. Many repeated applications without good reason', group: '（五）不予处理', result: true },
  { key: 'rejectedConfirmation', label: '5.要求行政机关确认或重新出具已获取信息', en: '5. Requests to confirm or reissue information already obtained', group: '（五）不予处理', result: true },
  {
    key: 'otherNoCorrection',
    label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    en: '1. Applicant did not correct the application in time without good reason: no longer processed',
    group: '（六）其他处理',
    result: true,
    otherForm: 'split',
  },
  {
    key: 'otherUnpaidFee',
    label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    en: '2. Applicant did not pay the notified fee in time: no longer processed',
    group: '（六）其他处理',
    result: true,
    otherForm: 'split',
  },
  { key: 'otherOther', label: '3.其他', en: '3. Other', group: '（六）其他处理', result: true, otherForm: 'split' },
  { key: 'otherHandling', label: '（六）其他处理', en: '(6) Other handling', result: true, otherForm: 'whole' },
  { key: 'totalProcessed', label: '（七）总计', en: '(7) Total' },
  { key: 'carriedForward', label: '四、结转下年度继续办理', en: '4. Carried forward to next year', variants: ['结转下年度'] },
];

// ── Section 四: administrative review and litigation ──────────────────────────────────────────

export const REVIEW_GROUPS: LabelDef[] = [
  { key: 'review', label: '行政复议', en: 'Administrative review' },
  { key: 'litigationDirect', label: '行政诉讼·未经复议直接起诉', en: 'Administrative litigation · filed directly, without review' },
  { key: 'litigationAfterReview', label: '行政诉讼·复议后起诉', en: 'Administrative litigation · filed after review' },
];

export const REVIEW_COLUMNS: LabelDef[] = [
  { key: 'upheld', label: '结果维持', en: 'Upheld' },
  { key: 'corrected', label: '结果纠正', en: 'Corrected' },
  { key: 'other', label: '其他结果', en: 'Other results' },
  { key: 'pending', label: '尚未审结', en: 'Pending' },
  { key: 'total', label: '总计', en: 'Total' },
];

// ── Sections ─────────────────────────────────────────────────────────────────────────────────

export type SectionKey = 'overview' | 'active' | 'applications' | 'reviewLitigation' | 'problems' | 'other';

export interface SectionDef {
  key: SectionKey;
  /** The ordinal the template numbers the section with. */
  ordinal: string;
  label: string;
  en: string;
  /** A heading is this section's when it carries the ordinal and one of these words. */
  keywords: string[];
}

export const SECTIONS: SectionDef[] = [
  { key: 'overview', ordinal: '一', label: '一、总体情况', en: '1. Overview', keywords: ['总体', '概述', '基本情况', '概况'] },
  { key: 'active', ordinal: '二', label: '二、主动公开政府信息情况', en: '2. Proactive disclosure of government information', keywords: ['主动公开'] },
  { key: 'applications', ordinal: '三', label: '三、收到和处理政府信息公开申请情况', en: '3. Applications for government information received and handled', keywords: ['申请'] },
  { key: 'reviewLitigation', ordinal: '四', label: '四、政府信息公开行政复议、行政诉讼情况', en: '4. Administrative review and litigation over disclosure', keywords: ['复议', '诉讼'] },
  { key: 'problems', ordinal: '五', label: '五、存在的主要问题及改进情况', en: '5. Main problems and improvements', keywords: ['问题', '不足', '改进'] },
  { key: 'other', ordinal: '六', label: '六、其他需要报告的事项', en: '6. Other matters to report', keywords: ['其他'] },
];
