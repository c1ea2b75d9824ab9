/**
 * The reports' terms a reader may not know, explained in a sentence or two: the one source for the
 * <Term> popovers where the terms appear and for the glossary on the about page.
 */
import { language } from './i18n.svelte';

interface Entry {
  zh: { term: string; text: string };
  en: { term: string; text: string };
}

export const GLOSSARY = {
  active: {
    zh: {
      term: '主动公开',
      text: '机关不等人申请、自己发布的政府信息，例如规章、规范性文件、行政许可和处罚的结果。年度报告第二部分按类别统计。',
    },
    en: {
      term: 'Proactive disclosure (主动公开)',
      text: 'What an office publishes of its own accord, without being asked: rules, normative documents, licences granted, penalties imposed. Section II of the report counts them by kind.',
    },
  },
  applications: {
    zh: {
      term: '依申请公开',
      text: '公民、法人或其他组织向机关申请获取政府信息。年度报告第三部分统计收到多少申请、按申请人类别分，以及如何答复：予以公开、部分公开、不予公开、无法提供、不予处理等。',
    },
    en: {
      term: 'Disclosure on request (依申请公开)',
      text: 'A citizen, company or other organisation asks an office for government information. Section III counts the requests received, by kind of applicant, and how each was answered: granted, partly granted, refused, unable to provide, not handled, and so on.',
    },
  },
  denied: {
    zh: {
      term: '不予公开',
      text: '机关收到申请、也有这项信息，但依《条例》拒绝公开，例如属于国家秘密、商业秘密、个人隐私或内部事务信息。与“无法提供”（机关没有这项信息）不同。',
    },
    en: {
      term: 'Refused (不予公开)',
      text: 'The office has the information asked for but refuses to disclose it on a ground the Regulation allows: a state secret, a trade secret, personal privacy, internal affairs… Not the same as "unable to provide", where the office does not hold the information.',
    },
  },
  review: {
    zh: {
      term: '行政复议、行政诉讼',
      text: '申请人对机关的答复不服，可以向上级机关申请行政复议，或向法院提起行政诉讼。年度报告第四部分统计两者的件数和结果：维持、纠正、其他结果、尚未审结。',
    },
    en: {
      term: 'Administrative review and litigation (行政复议、行政诉讼)',
      text: 'An applicant who disputes an answer can ask a higher authority to review it (administrative review) or sue the office in court (administrative litigation). Section IV counts both and their outcomes: upheld, corrected, other, still pending.',
    },
  },
  problems: {
    zh: {
      term: '存在的主要问题及改进情况',
      text: '年度报告第五部分：机关自述工作中的不足和改进措施，是文字而不是表格。本站按主题归类其中陈述问题的句子。',
    },
    en: {
      term: 'Main problems and improvements (存在的主要问题及改进情况)',
      text: "Section V of the report: the office's own account of what fell short and how it will improve, in words, not a table. This site sorts the sentences that state problems by theme.",
    },
  },
  identities: {
    zh: {
      term: '勾稽关系',
      text: '年度报告表格内在的算术关系，例如 新收 + 上年结转 = 各项办理结果之和 + 结转下年，或 各结果之和 = 总计。对不上，说明报告填错、抄错或被读错。',
    },
    en: {
      term: 'Identities (勾稽关系)',
      text: "The arithmetic the report's tables must obey, e.g. received this year + carried over = the outcomes + carried forward, or the results add up to the total. A report that breaks one was filled in, copied or read wrongly.",
    },
  },
  template: {
    zh: {
      term: '格式',
      text: '年度报告的表格样式。2021 年版（国办公开办函〔2021〕30号）自 2021 年度报告起使用，是现行格式；此前的报告用 2019 年版（国办公开办函〔2019〕60号）。格式的年份是样式发布的年份，不是报告的年度。',
    },
    en: {
      term: 'Format',
      text: "The report's table layout. The 2021 format (国办公开办函〔2021〕30号) is used from the 2021 reports on and is today's; earlier reports use the 2019 format (国办公开办函〔2019〕60号). A format's year is when the layout was issued, not the year the report covers.",
    },
  },
  year: {
    zh: {
      term: '年度',
      text: '报告所述的年份：2024 年度的报告讲 2024 年的工作，在 2025 年 1 月 31 日前发布。',
    },
    en: {
      term: 'Year',
      text: 'The year a report covers: the 2024 report describes work in 2024 and is published by 31 January 2025.',
    },
  },
} satisfies Record<string, Entry>;

export type TermKey = keyof typeof GLOSSARY;
export const TERM_KEYS = Object.keys(GLOSSARY) as TermKey[];

/** A term and its explanation in the interface's language. */
export function glossary(key: TermKey): { term: string; text: string } {
  return GLOSSARY[key][language.current];
}
