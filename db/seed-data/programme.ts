import { sortWindows, type FestivalWindow, type UnionRules } from '@/domain/fund-source';
import { chinaDate } from '@/domain/time';
/** The five 2020 promotion rounds (推介会) for administrative and public-service units, as demo history. */
export const PROMOTION_ROUNDS = [
  {
    roundNo: 1,
    name: '第一轮消费扶贫农特产品推介会',
    heldOn: '2020-07-16',
    endsOn: '2020-08-12',
    venue: '个旧市人民政府大院',
    open: false,
  },
  {
    roundNo: 2,
    name: '第二轮消费扶贫农特产品推介会',
    heldOn: '2020-08-13',
    endsOn: '2020-09-09',
    venue: '个旧市金湖广场',
    open: false,
  },
  {
    roundNo: 3,
    name: '第三轮消费扶贫农特产品推介会',
    heldOn: '2020-09-10',
    endsOn: '2020-10-14',
    venue: '大屯街道幸福小区',
    open: false,
  },
  {
    roundNo: 4,
    name: '第四轮消费扶贫农特产品推介会',
    heldOn: '2020-10-15',
    endsOn: '2020-11-11',
    venue: '个旧市文化活动中心',
    open: false,
  },
  {
    roundNo: 5,
    name: '第五轮消费扶贫农特产品推介会',
    heldOn: '2020-11-12',
    endsOn: '2020-12-31',
    venue: '个旧市金湖广场',
    open: false,
  },
];

/** A current round for the demo, relative to the first seed: open from 10 days before to 80 days after. */
export const CURRENT_ROUND = {
  roundNo: 6,
  name: '第六轮消费扶贫农特产品推介会（演示）',
  venue: '个旧市金湖广场',
  open: true,
};

/** ¥40,000,000 in fen: the programme's target, reported upward. */
export { DEFAULT_TARGET_FEN } from '@/domain/target-accounting';

/**
 * Demo livestreams of the embroidery workshop (演示数据): one live now, one upcoming, one past. Times
 * are relative to the first seeding; the links are the workshop's (fictional) channel pages.
 */
export const DEMO_LIVESTREAMS = [
  {
    title: '绣娘现场绣马缨花：大屯幸福刺绣直播间',
    description: '车间的绣娘边绣边讲彝绣、哈尼绣的针法，直播间下单由车间直接发货。',
    offsetHours: -1,
    status: 'live' as const,
    streamUrl: 'https://live.douyin.com/datun-xingfu-demo',
    products: ['yi-embroidered-scarf', 'hani-embroidered-bag'],
  },
  {
    title: '新春绣品预告：福字挂件与围巾',
    description: '年货节前的新品预告。',
    offsetHours: 24 * 6,
    status: 'scheduled' as const,
    streamUrl: 'https://player.bilibili.com/player.html?bvid=BV1demo0datun',
    products: ['yi-embroidered-scarf'],
  },
  {
    title: '幸福社区搬迁一周年：绣娘的故事',
    description: '往期直播。',
    offsetHours: -24 * 20,
    status: 'ended' as const,
    streamUrl: 'https://live.douyin.com/datun-xingfu-demo',
    products: ['hani-embroidered-bag'],
  },
];

/** issue 16: the operator's contact details shown in the footer (demo values, marked as such). */
export const DEMO_SITE_CONTACT = {
  host: '个旧市消费帮扶工作领导小组办公室（演示）',
  operator: '个旧市消费帮扶商城运营中心（演示）',
  hotline: '0873-0000000',
  hours: '每天 9:00–18:00（演示）',
  icp: '滇ICP备00000000号（演示）',
};

/**
 * 工会经费规则 for the demo: the 2026 festivals' windows (元旦、春节、清明、劳动节、端午、中秋、国庆, the lunar
 * ones on their 2026 dates), a demo window of 元旦 around the first seeding (7 days before to 45 after) so that
 * a union order can be tried at once, and ¥800 a member a year. No catalog category is excluded (cash
 * equivalents such as 购物卡 never are allowed: domain/fund-source). Fixed windows that would overlap the demo window are left out.
 */
export function demoUnionRules(now: number): UnionRules {
  const day = (ms: number) => chinaDate(new Date(ms));
  const demo: FestivalWindow = { festival: '元旦', from: day(now - 7 * 86_400_000), to: day(now + 45 * 86_400_000) };
  const fixed: FestivalWindow[] = [
    { festival: '元旦', from: '2026-01-01', to: '2026-01-03' },
    { festival: '春节', from: '2026-02-10', to: '2026-02-24' },
    { festival: '清明', from: '2026-04-01', to: '2026-04-06' },
    { festival: '劳动节', from: '2026-04-25', to: '2026-05-05' },
    { festival: '端午', from: '2026-06-12', to: '2026-06-21' },
    { festival: '中秋', from: '2026-09-18', to: '2026-09-27' },
    { festival: '国庆', from: '2026-09-28', to: '2026-10-08' },
  ];
  const year = Number(demo.from.slice(0, 4));
  return {
    windows: sortWindows([...fixed.filter((w) => w.to < demo.from || w.from > demo.to), demo]),
    allowances: [...new Set([2026, year, year + 1])].map((y) => ({ year: y, perMemberFen: 80_000 })),
    excludedCategories: [],
  };
}
