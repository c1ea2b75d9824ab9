/**
 * Long lines of one kind of character, for the linear-time test (tests/parser.linear-time.test.ts)
 * and the bench: the kinds a pattern over report text may scan badly (issue 13).
 */
export const LONG_LINE_KINDS: Record<string, string> = {
  tabs: '\t',
  spaces: ' ',
  'ideographic spaces': '\u3000',
  digits: '7',
  zeros: '0',
  'full-width digits': '７',
  CJK: '数',
  punctuation: '、。，：；（）',
  'short lines': '数\n',
  newlines: '\n',
  '一、 repeated': '一、',
  '（一） repeated': '（一）',
  'digit and space': '1 ',
  '0 and space': '0 ',
  'tab and digit': '\t1',
  'heading words': '二、主动公开政府信息情况',
  '虽 (a concession never closed)': '虽',
  '取得成效 (praise never turned)': '取得成效',
};

/** `unit` repeated to exactly `length` characters. */
export const longLine = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
