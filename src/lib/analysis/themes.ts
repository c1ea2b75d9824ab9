/**
 * The themes of the problems offices admit in section 五 (存在的主要问题及改进情况), and the phrases
 * that mark them: the one table the classifier (problems.ts), the database and the dashboard use.
 *
 * Derived from ../shared/docs/domain.md §5 and measured against the hand-labelled sentences of
 * tests/fixtures/problem-sentences.json (tests/problem-themes.test.ts). Patterns are matched
 * against a sentence after NFKC folding with the spaces between Chinese characters removed, so
 * "（" is "(" and "：" is ":" here. A match that lies inside a span matched by one of the theme's
 * `except` patterns does not count: "及时" marks timeliness, but not in "及时整改".
 *
 * Tuning: round 0 was domain.md's keyword list as printed; two rounds on the fixture's dev split
 * followed (bare 人员, 全面, 方式, 参与, 表达, 条例 and 学习 dropped as too broad; contexts and
 * exceptions added). The first run on the check split left completeness, interaction, reach,
 * standardization and quality below 0.8. Its failures having been read, the whole fixture (dev and
 * check) became the tuning set, and round 3 made the ambiguous words context-sensitive: 质量 only
 * of what is disclosed; 回应/沟通/反馈 only with the public; 宣传 unless it names another object;
 * 制度/机制 not of staff learning; 深度/广度 not of study; 答复 not of messages; and added phrasings
 * (不完整, 陈旧, 附件缺失, 版块, 落实不到位, 协调, 衔接 between steps). The measurement is now the
 * blind set tests/fixtures/problem-sentences-check2.json, written after round 3.
 */

export type ThemeKey =
  | 'staff'
  | 'awareness'
  | 'timeliness'
  | 'completeness'
  | 'form_channels'
  | 'interaction'
  | 'interpretation'
  | 'reach'
  | 'platform'
  | 'standardization'
  | 'quality'
  | 'regulation_learning'
  | 'grassroots'
  | 'application_handling';

export interface ThemeDef {
  key: ThemeKey;
  /** Display name in Chinese, as domain.md §5 names the theme. */
  zh: string;
  en: string;
  /** What the theme covers, in plain words (the labelling guide of the fixture). */
  covers: string;
  /** Any of these marks the theme; the earliest match in the sentence is reported as the phrase. */
  patterns: RegExp[];
  /** Spans in which a pattern's match does not count. */
  except?: RegExp[];
}

export const THEMES: ThemeDef[] = [
  {
    key: 'staff',
    zh: '队伍与能力',
    en: 'Staff and skills',
    covers: 'staffing, part-time or changing staff, team building, skills and professional level, training',
    patterns: [
      /队伍/,
      // Not bare 人员: "增强工作人员公开意识" is about awareness. A short gap lets "人员变动较为频繁",
      // "人员配备不足" through.
      /(?:人员|人手)[^。；;，,]{0,2}(?:配备|变动|流动|不足|紧缺|短缺|缺乏)|配齐配强|新进|新上岗|流动性/,
      /工作力量|力量薄弱/,
      /专职|兼职|专门人员|专业人员|专业人才/,
      /人手|一人多岗/,
      // "业务工作水平" is the same skill as "业务水平".
      /业务[^。；;，,]{0,2}(?:能力|水平|素质)|专业水平|素养|履职能力|综合素质|工作能力/,
      /业务不熟|不熟悉[^。；;，,]{0,8}业务|业务[^。；;，,]{0,2}不熟悉/,
      // Training and its forms: shadowing (跟班学习), mentoring (传帮带).
      /培训|轮训|跟班学习|跟岗|传帮带/,
    ],
  },
  {
    key: 'awareness',
    zh: '思想认识与公开意识',
    en: 'Awareness and attitude',
    covers: 'awareness of disclosure, how seriously it is taken, initiative, recognition of its importance, mindset',
    patterns: [/意识/, /认识/, /重视/, /重要性/, /主动性|自觉性|积极性/, /理念|观念/],
  },
  {
    key: 'timeliness',
    zh: '及时性与更新',
    en: 'Timeliness and updating',
    covers: 'disclosure or updates late, slow or outdated; time limits',
    patterns: [
      /及时/,
      /时效/,
      /滞后/,
      /更新/,
      /延迟|拖沓|第一时间/,
      /时限|期限/,
      /同步/,
      // Outdated content is a failure to update ("公开栏内容陈旧").
      /陈旧|过时/,
      // Late or slow publication said without 及时 ("发布时间较晚").
      /(?:发布|公开|更新|报送)[^。；;，,]{0,4}(?:较晚|偏晚|缓慢|迟缓)/,
    ],
    // Prompt action is not timely disclosure; a lagging build-up is not a late update.
    except: [/及时(?:整改|调整|校正|纠正)/, /建设[^。；;，,]{0,4}滞后/, /(?:思想|观念)[^。；;，,]{0,4}更新/],
  },
  {
    key: 'completeness',
    zh: '内容全面性与深度',
    en: 'Scope and depth of content',
    covers: "scope, breadth, depth, richness and detail of what is disclosed; sources; meeting the public's needs",
    patterns: [
      // Not bare 全面: "全面推进", "全面建立" say how, not what.
      /(?:不够|不|欠)全面|全面性/,
      // Incomplete disclosure, in the words reports use for it.
      /(?:不够|不)(?:完整|齐全)|完整性|(?:公开|信息|内容)不全/,
      /内容单一|不够丰富|范围不广/,
      // Enriching content is the measure for thin content; 丰富 of forms is form_channels.
      /丰富[^。；;，,]{0,8}内容|内容[^。；;，,]{0,4}(?:丰富|充实)/,
      /范围(?:较窄|偏窄|过窄|有限)|(?:扩大|拓宽)[^。；;，,]{0,8}范围/,
      /覆盖面/,
      /纵深|深度|广度/,
      /信息来源/,
      /拓展|充实/,
      /(?:满足|贴近|契合|结合)[^。；;，,]{0,10}需求|需求[^。；;，,]{0,2}(?:结合|脱节)/,
      /实质性|(?:信息|内容)[^。；;，,]{0,4}(?:偏少|较少|缺失|不足|不多)/,
      /(?:没有|未|未能)公开到位|应公开尽公开/,
      /(?:不够|不)细致|细化程度/,
      // Disclosure that does not go deep ("公开不够深入"); not 宣传/学习 不够深入.
      /公开[^。；;，,]{0,4}(?:不够|不)深入/,
    ],
    except: [
      /(?:渠道|途径|载体|形式)[^。；;，,]{0,4}拓展|拓展[^。；;，,]{0,4}(?:渠道|途径|载体|形式)/,
      /宣传[^。；;]{0,12}覆盖面/,
      // The depth of study or understanding is regulation_learning, not depth of content.
      /(?:学习|理解|掌握|认识|培训)[^。；;，,]{0,4}(?:深度|广度)(?:[、和与及](?:深度|广度))?/,
    ],
  },
  {
    key: 'form_channels',
    zh: '形式与渠道',
    en: 'Forms and channels',
    covers: 'forms, channels, ways and carriers of disclosure, offline access, innovation of form',
    patterns: [
      /形式/,
      /渠道/,
      /途径/,
      /载体/,
      // Not bare 方式: "通过发放宣传资料等方式" is how publicity is done.
      /(?:公开|发布|解读|获取|展示)方式|方式(?:单一|较少|传统|创新)|方式方法/,
      /(?:公开|发布)手段|手段(?:单一|传统|落后)/,
      /(?<!内容)单一/,
      /创新/,
      // Offline boards are carriers of disclosure.
      /公开栏|公示栏|宣传栏/,
    ],
    except: [
      /(?:培训|学习)形式(?:单一)?/,
      // Channels for reporting information up to the office are internal lines, not the ways the
      // public gets information.
      /(?:报送|上报|内部)渠道/,
    ],
  },
  {
    key: 'interaction',
    zh: '互动与回应',
    en: 'Interaction and response',
    covers: 'interaction with the public, responding to concerns and messages, public participation, consultation',
    // Not bare 参与: "各科室参与…的积极性不高" is about the office's own staff.
    patterns: [
      /互动/,
      /关切/,
      /(?:公众|群众|居民|社会|多元)参与|参与度/,
      /留言/,
      // 回应, 沟通 and 反馈 are interaction only with the public ("回应社会关切", "与群众沟通"), not
      // "科室之间沟通协调" (coordination) or "上级反馈问题" (inspection findings).
      /(?:群众|公众|社会|居民|村民|市民|民众|网民|企业|申请人|政民|热点|诉求|舆情)[^。；;，,]{0,12}(?:回应|沟通|反馈)/,
      /(?:回应|沟通|反馈)[^。；;，,]{0,8}(?:群众|公众|社会|居民|村民|市民|民众|网民|企业|申请人|关切|热点|诉求|舆情|期盼|期待)/,
      /回应率|意见反馈/,
      // Consultation: gathering the public's opinions.
      /意见征集|征集[^。；;，,]{0,4}意见|征求[^。；;，,]{0,8}意见|民意调查/,
    ],
  },
  {
    key: 'interpretation',
    zh: '政策解读与可读性',
    en: 'Policy interpretation',
    covers: 'policy interpretation, plain language, readability',
    // Not bare 表达: "语言表达不够规范" is about wording (quality).
    patterns: [/解读/, /通俗/, /可读性/, /图解/],
  },
  {
    key: 'reach',
    zh: '宣传与知晓度',
    en: 'Publicity and reach',
    covers: 'publicity of disclosure work, public awareness of it, attention, influence',
    patterns: [
      /宣传/,
      // The public's awareness, not staff's knowledge ("对《条例》知晓不够").
      /知晓(?:率|度|面)|(?:群众|公众|社会|居民|民众|市民)[^。；;，,]{0,8}知晓/,
      /传播力/,
      /影响力/,
      /活跃度/,
      /关注度|关注人数|浏览量|阅读量|点击量|点击率|访问量/,
      // Promoting the office's channels to the public.
      /推广[^。；;，,]{0,6}(?:公众号|平台|网站|新媒体|政务公开|信息公开)/,
    ],
    // In section 五, 宣传 is publicity of disclosure, of policy and of the Regulation unless it names
    // another object: "政策宣传解读" is one activity, interpretation; "先进典型宣传" publicises people;
    // a 宣传栏 is a notice board (form_channels); 宣传部 is a department.
    except: [/宣传解读|解读宣传/, /(?:典型|先进|榜样|模范|事迹|经验|成效)[^。；;，,]{0,2}宣传/, /宣传栏|宣传(?:部|科|办)/],
  },
  {
    key: 'platform',
    zh: '平台与网站',
    en: 'Platforms and websites',
    covers: 'websites, columns, new media accounts, online systems, digitalisation, network security',
    patterns: [
      /平台/,
      /网站|门户网|政府网|政务服务网/,
      // A 版块 is a section of a website or account, like a 栏目.
      /栏目|专栏|专区|版块|板块/,
      /新媒体|公众号|微博|抖音|视频号|小程序|客户端/,
      /数字化|数智化|信息化/,
      /网络安全/,
    ],
    // A 专区 in a service hall is a place, not a platform.
    except: [/(?:大厅|中心|现场)[^。；;，,]{0,8}专区/],
  },
  {
    key: 'standardization',
    zh: '规范化与制度机制',
    en: 'Rules and procedures',
    covers: 'standard procedures, systems and mechanisms, review and approval, coordination, responsibilities',
    patterns: [
      /规范/,
      /标准/,
      /流程/,
      /制度/,
      /机制/,
      /审核|审查|把关/,
      /统筹/,
      /程序/,
      /回头看|自查/,
      // Responsibilities not carried out ("牵头责任单位落实不够到位").
      /落实不(?:够|太)?(?:到位|有力)|落实不力|责任(?:分工|落实|制)|(?:明确|压实|落实)[^。；;，,]{0,6}责任(?!意识)/,
      // Coordination between units and steps of the work ("科室之间沟通协调不够", "环节衔接不畅").
      /协调|协同|(?:环节|流程|程序|部门|科室|单位|上下|之间)[^。；;，,]{0,6}衔接/,
      /考核|问责|台账/,
    ],
    except: [
      // Wording "not standard" is a matter of quality.
      /(?:表达|表述|用语|语言|格式)[^。；;，,]{0,4}规范/,
      // 行政规范性文件 is a kind of document, not a standard.
      /规范性文件/,
      // A 小程序 is an app (platform), not a procedure.
      /小程序/,
      // Rules for the staff's learning and mentoring are staff development, not the disclosure
      // work's rules ("跟班学习制度", "“传帮带”机制").
      /(?:学习|培训|跟班|传帮带|帮带|带教|轮岗|激励)[^。；;，,]{0,2}(?:制度|机制)/,
    ],
  },
  {
    key: 'quality',
    zh: '信息质量与准确性',
    en: 'Quality and accuracy',
    covers: 'quality and accuracy of what is disclosed: errors, wording, inconsistent data',
    patterns: [
      // 质量 only of what is disclosed or of the disclosure work ("信息公开质量", "解读质量",
      // "保证信息公开有质量"), not "服务质量" or "工作质量和效率" said of the office at large.
      /(?:信息|公开|内容|发布|解读|数据|稿件|文件|报告|年报|答复|材料)[^。；;，,]{0,6}(?<!服务)质量/,
      /准确/,
      /错别字|差错|错误|错漏|纰漏/,
      /规范表述|(?:表达|表述|用语|语言|格式)[^。；;，,]{0,4}(?:不够|不)规范|口语化/,
      /不一致|出入|偏差/,
      // Defects of published documents.
      /附件(?:缺失|缺少|不全)|格式(?:混乱|错乱|不统一)|链接失效|无法打开|乱码/,
    ],
  },
  {
    key: 'regulation_learning',
    zh: '条例学习掌握',
    en: 'Knowing the Regulation',
    covers: 'studying, understanding and mastering the Regulation and the law on disclosure',
    // Not bare 条例 or 学习: "对照《条例》要求" and "学习培训" are about other things.
    patterns: [
      /(?:条例|法规|依法公开)[^。；;，,]{0,20}(?:学习|掌握|理解|把握|熟知|熟悉|知晓)/,
      /(?:学习|掌握|理解|把握|熟知|知晓)[^。；;，,]{0,15}(?:条例|法规)/,
    ],
  },
  {
    key: 'grassroots',
    zh: '村（社区）延伸',
    en: 'Villages and communities',
    covers: 'village and community level: 村务/居务公开, extension to villages and communities',
    patterns: [/(?<![农乡])村/, /社区/, /居务|居委/, /基层/, /网格/],
  },
  {
    key: 'application_handling',
    zh: '依申请公开办理',
    en: 'Handling applications',
    covers: 'handling of and replies to applications for disclosure: corrections, time limits, procedure',
    patterns: [
      /依申请/,
      /申请办理|办理[^。；;，,]{0,10}申请|公开申请|申请人|申请(?:答复|受理|登记)|受理[^。；;，,]{0,6}申请/,
      /答复/,
      /补正/,
      // Reviews and suits over disclosure arise from decisions on applications.
      /行政复议|行政诉讼/,
    ],
    // Replies to the public's messages and to deputies' proposals are interaction or other work,
    // not replies to applications ("对网民留言答复不够及时").
    except: [/(?:留言|网民|咨询|来信|来电|诉求|信箱|热线|建议|提案)[^。；;，,]{0,6}答复/],
  },
];

export const THEME_KEYS: ThemeKey[] = THEMES.map((t) => t.key);

export const THEME_BY_KEY: Record<ThemeKey, ThemeDef> = Object.fromEntries(THEMES.map((t) => [t.key, t])) as Record<ThemeKey, ThemeDef>;
