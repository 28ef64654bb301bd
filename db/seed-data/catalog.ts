import type { Motif } from '@/lib/images/product-art';

/** Demo data modelled on Gejiu's 2020 programme. Every name here is illustrative, not a real business. */
export const CATEGORIES: { slug: string; name: string; color: string; motif: Motif }[] = [
  { slug: 'vegetables', name: '蔬菜', color: '#3f7d3a', motif: 'leaf' },
  { slug: 'fruit', name: '水果', color: '#c2571a', motif: 'fruit' },
  { slug: 'tea', name: '茶叶', color: '#5b6b2e', motif: 'tea' },
  { slug: 'meat-eggs', name: '肉禽蛋', color: '#9c4a3c', motif: 'egg' },
  { slug: 'grain-oil', name: '粮油干货', color: '#8a6a1f', motif: 'grain' },
  { slug: 'processed', name: '特色加工', color: '#7a3b5e', motif: 'jar' },
  { slug: 'embroidery', name: '刺绣工艺品', color: '#a42a2a', motif: 'embroidery' },
];

export const TOWNSHIPS: { slug: string; name: string }[] = [
  { slug: 'xicheng', name: '锡城镇' },
  { slug: 'datun', name: '大屯街道' },
  { slug: 'shadian', name: '沙甸街道' },
  { slug: 'jijie', name: '鸡街镇' },
  { slug: 'kafang', name: '卡房镇' },
  { slug: 'laochang', name: '老厂镇' },
  { slug: 'manhao', name: '蔓耗镇' },
  { slug: 'jiasha', name: '贾沙乡' },
  { slug: 'baohe', name: '保和乡' },
];

export type SeedSupplier = {
  slug: string;
  name: string;
  type: 'cooperative' | 'enterprise' | 'workshop';
  township: string;
  /** 17 characters; the seed adds the GB 32100-2015 check character. */
  creditBody: string;
  households: number;
  shareBps: number;
  mechanism: string;
  description: string;
  address: string;
};

export const SUPPLIERS: SeedSupplier[] = [
  {
    slug: 'datun-xingfu-embroidery',
    name: '大屯幸福社区刺绣扶贫车间',
    type: 'workshop',
    township: 'datun',
    creditBody: '52532501MJ0D00018',
    households: 46,
    shareBps: 4500,
    mechanism: '车间吸纳易地搬迁安置点 46 名无法外出务工的妇女就近务工，计件工资按月发放，销售额的 45% 作为绣娘工资。',
    description: '设在大屯街道幸福小区易地扶贫搬迁安置点，彝族、哈尼族绣娘手工刺绣，通过直播带货销售。',
    address: '个旧市大屯街道幸福小区综合服务中心二楼',
  },
  {
    slug: 'jijie-vegetable-coop',
    name: '个旧市鸡街镇绿源蔬菜种植专业合作社',
    type: 'cooperative',
    township: 'jijie',
    creditBody: '93532501MA6K1JJ01',
    households: 83,
    shareBps: 1500,
    mechanism: '“合作社+基地+贫困户”，贫困户以土地流转和务工入股，年终按销售额 15% 分红。',
    description: '鸡街镇露天与大棚蔬菜基地，四季供应时令蔬菜。',
    address: '个旧市鸡街镇红土村',
  },
  {
    slug: 'manhao-tropical-fruit-coop',
    name: '个旧市蔓耗镇红河谷热带水果专业合作社',
    type: 'cooperative',
    township: 'manhao',
    creditBody: '93532501MA6K1MH02',
    households: 64,
    shareBps: 1200,
    mechanism: '统一技术、统一收购，贫困户果园产量保底收购，销售额 12% 返还贫困户。',
    description: '红河河谷低海拔热区，出产芒果、香蕉、火龙果和荔枝。',
    address: '个旧市蔓耗镇蔓耗村',
  },
  {
    slug: 'kafang-ecotea-coop',
    name: '个旧市卡房镇云雾生态茶叶专业合作社',
    type: 'cooperative',
    township: 'kafang',
    creditBody: '93532501MA6K1KF03',
    households: 52,
    shareBps: 1800,
    mechanism: '贫困户鲜叶保护价收购，加工利润 18% 按交售量分红。',
    description: '海拔 1800 米以上高山茶园，手工炒制绿茶与晒青毛茶。',
    address: '个旧市卡房镇新山村',
  },
  {
    slug: 'jiasha-eco-farming-coop',
    name: '个旧市贾沙乡山林生态养殖专业合作社',
    type: 'cooperative',
    township: 'jiasha',
    creditBody: '93532501MA6K1JA04',
    households: 71,
    shareBps: 1600,
    mechanism: '合作社提供鸡苗和技术，贫困户林下散养，合作社按约定价回收。',
    description: '林下散养土鸡、黑山羊，放养周期不少于 180 天。',
    address: '个旧市贾沙乡贾沙村',
  },
  {
    slug: 'baohe-highland-grain-coop',
    name: '个旧市保和乡高原粮油专业合作社',
    type: 'cooperative',
    township: 'baohe',
    creditBody: '93532501MA6K1BH05',
    households: 58,
    shareBps: 1400,
    mechanism: '订单种植，贫困户种植红米、苦荞按高于市场价 10% 收购，另按销售额 14% 分红。',
    description: '保和乡高寒山区种植红米、苦荞和油菜，自榨菜籽油。',
    address: '个旧市保和乡保和村',
  },
  {
    slug: 'shadian-halal-foods',
    name: '个旧市沙甸清真食品有限公司',
    type: 'enterprise',
    township: 'shadian',
    creditBody: '91532501MA6K1XD06',
    households: 39,
    shareBps: 800,
    mechanism: '企业优先吸纳贫困劳动力务工，按销售额 8% 提取帮扶资金。',
    description: '沙甸传统清真牛肉制品与糕点，持证生产。',
    address: '个旧市沙甸街道工业园区',
  },
  {
    slug: 'laochang-walnut-coop',
    name: '个旧市老厂镇核桃种植专业合作社',
    type: 'cooperative',
    township: 'laochang',
    creditBody: '93532501MA6K1LC07',
    households: 45,
    shareBps: 1500,
    mechanism: '贫困户核桃园托管，销售额 15% 返还。',
    description: '老厂镇山地核桃与蜂蜜。',
    address: '个旧市老厂镇竜林村',
  },
  {
    slug: 'xicheng-heritage-foods',
    name: '个旧市锡城老字号食品加工厂',
    type: 'enterprise',
    township: 'xicheng',
    creditBody: '91532501MA6K1XC08',
    households: 27,
    shareBps: 700,
    mechanism: '收购贫困户腌菜原料和辣椒，按销售额 7% 提取帮扶资金。',
    description: '个旧风味腌菜、油辣子、米线调料。',
    address: '个旧市锡城镇金湖东路',
  },
];
