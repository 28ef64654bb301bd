/**
 * Demo products. cert: 'ok' approved and in force, 'pending' awaiting review, 'expired' past its date,
 * 'none' not yet submitted. Prices are fen.
 */
export type SeedProduct = {
  slug: string;
  name: string;
  spec: string;
  priceFen: number;
  refFen: number;
  stock: number;
  category: string;
  supplier: string;
  cert: 'ok' | 'pending' | 'expired' | 'none';
  description: string;
  featured?: boolean;
  sold?: number;
  unitMin?: number;
};

const E = 'datun-xingfu-embroidery';
const V = 'jijie-vegetable-coop';
const F = 'manhao-tropical-fruit-coop';
const T = 'kafang-ecotea-coop';
const M = 'jiasha-eco-farming-coop';
const G = 'baohe-highland-grain-coop';
const S = 'shadian-halal-foods';
const W = 'laochang-walnut-coop';
const X = 'xicheng-heritage-foods';

export const PRODUCTS: SeedProduct[] = [
  // 刺绣工艺品: 大屯幸福社区刺绣扶贫车间
  { slug: 'yi-embroidered-scarf', name: '彝绣马缨花围巾', spec: '180×60cm 棉麻', priceFen: 16800, refFen: 19800, stock: 60, category: 'embroidery', supplier: E, cert: 'ok', featured: true, description: '彝族绣娘手工平绣马缨花纹样，棉麻底布，四季可用。每条绣制约 3 天。' },
  { slug: 'hani-embroidered-bag', name: '哈尼刺绣斜挎包', spec: '25×20cm', priceFen: 12800, refFen: 15800, stock: 45, category: 'embroidery', supplier: E, cert: 'ok', featured: true, description: '哈尼族传统几何纹刺绣，内衬防水布，可调节肩带。' },
  { slug: 'embroidered-cushion-cover', name: '刺绣抱枕套', spec: '45×45cm 一对', priceFen: 9800, refFen: 12000, stock: 80, category: 'embroidery', supplier: E, cert: 'ok', description: '十字绣团花纹样，隐形拉链，可机洗（冷水）。不含枕芯。' },
  { slug: 'embroidered-table-runner', name: '彝绣桌旗', spec: '200×33cm', priceFen: 13800, refFen: 16800, stock: 30, category: 'embroidery', supplier: E, cert: 'ok', description: '红黑配色传统纹样桌旗，适合会议室与家居。' },
  { slug: 'embroidered-phone-pouch', name: '刺绣手机袋', spec: '19×11cm', priceFen: 3800, refFen: 4800, stock: 200, category: 'embroidery', supplier: E, cert: 'ok', description: '小巧实用的手机袋，绣娘练手与出师作品，纹样各不相同。' },
  { slug: 'embroidered-bookmark-set', name: '刺绣书签礼盒', spec: '4 枚/盒', priceFen: 4800, refFen: 5800, stock: 150, category: 'embroidery', supplier: E, cert: 'ok', unitMin: 10, description: '四季花卉刺绣书签，附礼盒与说明卡，适合单位慰问与会议纪念。' },
  { slug: 'embroidered-coaster-set', name: '刺绣杯垫', spec: '6 片/套 直径 10cm', priceFen: 5800, refFen: 6800, stock: 120, category: 'embroidery', supplier: E, cert: 'ok', description: '双层棉布刺绣杯垫，吸水隔热。' },
  { slug: 'embroidered-wall-hanging', name: '刺绣挂画·幸福家园', spec: '50×70cm 实木框', priceFen: 38800, refFen: 45800, stock: 12, category: 'embroidery', supplier: E, cert: 'ok', featured: true, description: '以幸福小区新家为题材的刺绣挂画，三位绣娘合作约 20 天完成。' },
  { slug: 'embroidered-baby-carrier', name: '彝族刺绣背被', spec: '70×60cm', priceFen: 29800, refFen: 36000, stock: 8, category: 'embroidery', supplier: E, cert: 'pending', description: '传统彝族背被，手工刺绣，寓意平安。' },
  { slug: 'embroidered-insoles', name: '手工刺绣鞋垫', spec: '2 双 可选码', priceFen: 4500, refFen: 5000, stock: 90, category: 'embroidery', supplier: E, cert: 'ok', description: '纯棉布千层底鞋垫，绣有吉祥纹样，下单后备注鞋码。' },
  { slug: 'embroidered-brooch', name: '马缨花刺绣胸针', spec: '直径 5cm', priceFen: 2800, refFen: 3500, stock: 300, category: 'embroidery', supplier: E, cert: 'ok', description: '马缨花是红河的市花之一，小胸针适合佩戴在包与衣襟上。' },
  { slug: 'embroidered-notebook', name: '刺绣封面笔记本', spec: 'A5 160 页', priceFen: 6800, refFen: 7800, stock: 0, category: 'embroidery', supplier: E, cert: 'ok', description: '刺绣布面精装笔记本，内页为道林纸。当前已售罄，补货中。' },

  // 蔬菜: 鸡街镇
  { slug: 'jijie-seasonal-veg-box', name: '鸡街时令蔬菜箱', spec: '5kg 6–8 种', priceFen: 6800, refFen: 7800, stock: 120, category: 'vegetables', supplier: V, cert: 'ok', featured: true, unitMin: 10, description: '当天采摘当天发出，搭配 6–8 种时令蔬菜，个旧城区次日达。' },
  { slug: 'jijie-tomatoes', name: '大棚番茄', spec: '2.5kg', priceFen: 2580, refFen: 2800, stock: 200, category: 'vegetables', supplier: V, cert: 'ok', description: '自然成熟的大棚番茄，酸甜多汁。' },
  { slug: 'jijie-chinese-cabbage', name: '高山小白菜', spec: '3kg', priceFen: 1680, refFen: 1800, stock: 150, category: 'vegetables', supplier: V, cert: 'ok', description: '少农药种植的小白菜，叶嫩无渣。' },
  { slug: 'jijie-chayote', name: '佛手瓜', spec: '5kg', priceFen: 1980, refFen: 2200, stock: 180, category: 'vegetables', supplier: V, cert: 'pending', description: '个旧家常菜佛手瓜，清炒、煮汤皆宜。' },
  { slug: 'jijie-green-peppers', name: '鸡街青椒', spec: '2kg', priceFen: 1880, refFen: 2000, stock: 160, category: 'vegetables', supplier: V, cert: 'ok', description: '薄皮微辣青椒，炒肉最香。' },
  { slug: 'jijie-pea-tips', name: '豌豆尖', spec: '1kg', priceFen: 2280, refFen: 2500, stock: 70, category: 'vegetables', supplier: V, cert: 'expired', description: '冬春时令豌豆尖，只采最嫩的一截。' },

  // 水果: 蔓耗镇
  { slug: 'manhao-mangoes', name: '蔓耗红河谷芒果', spec: '5kg 中果', priceFen: 6900, refFen: 7900, stock: 140, category: 'fruit', supplier: F, cert: 'ok', featured: true, unitMin: 10, description: '红河河谷热区自然成熟芒果，香甜少纤维。' },
  { slug: 'manhao-bananas', name: '河谷香蕉', spec: '5kg', priceFen: 3900, refFen: 4200, stock: 160, category: 'fruit', supplier: F, cert: 'ok', description: '树上养足再采，催熟剂零添加。' },
  { slug: 'manhao-dragon-fruit', name: '红心火龙果', spec: '4.5kg 8–10 个', priceFen: 5900, refFen: 6800, stock: 100, category: 'fruit', supplier: F, cert: 'ok', description: '红心品种，甜度 18 以上。' },
  { slug: 'manhao-lychee', name: '蔓耗早熟荔枝', spec: '2.5kg', priceFen: 8800, refFen: 9800, stock: 40, category: 'fruit', supplier: F, cert: 'ok', description: '五月上市的早熟荔枝，冷链发货。' },
  { slug: 'manhao-papaya', name: '河谷木瓜', spec: '5kg', priceFen: 4500, refFen: 4800, stock: 90, category: 'fruit', supplier: F, cert: 'expired', description: '软糯香甜的河谷木瓜。' },
  { slug: 'manhao-passion-fruit', name: '百香果', spec: '3kg 大果', priceFen: 4200, refFen: 4600, stock: 110, category: 'fruit', supplier: F, cert: 'ok', description: '紫香品种，泡水酸甜开胃。' },

  // 茶叶: 卡房镇
  { slug: 'kafang-cloud-green-tea', name: '卡房云雾绿茶', spec: '250g 罐装', priceFen: 12800, refFen: 15800, stock: 80, category: 'tea', supplier: T, cert: 'ok', featured: true, unitMin: 5, description: '清明前后采摘一芽二叶，手工杀青揉捻，栗香持久。' },
  { slug: 'kafang-sun-dried-tea', name: '晒青毛茶', spec: '500g', priceFen: 9800, refFen: 11800, stock: 60, category: 'tea', supplier: T, cert: 'ok', description: '高山大叶种晒青毛茶，可饮可存。' },
  { slug: 'kafang-tea-gift-box', name: '高山茶礼盒', spec: '2×125g', priceFen: 19800, refFen: 23800, stock: 50, category: 'tea', supplier: T, cert: 'ok', unitMin: 10, description: '绿茶、红茶各一罐，适合单位慰问。' },
  { slug: 'kafang-black-tea', name: '卡房红茶', spec: '200g', priceFen: 8800, refFen: 9800, stock: 70, category: 'tea', supplier: T, cert: 'pending', description: '全发酵工艺，蜜香甜润。' },
  { slug: 'kafang-tea-bricks', name: '紧压茶砖', spec: '357g', priceFen: 6800, refFen: 8800, stock: 0, category: 'tea', supplier: T, cert: 'ok', description: '晒青毛茶压制，已售罄。' },

  // 肉禽蛋: 贾沙乡
  { slug: 'jiasha-free-range-chicken', name: '贾沙林下土鸡', spec: '1 只 约 1.5kg', priceFen: 12800, refFen: 13800, stock: 60, category: 'meat-eggs', supplier: M, cert: 'ok', featured: true, description: '林下散养 180 天以上，宰杀后真空冷链发货。' },
  { slug: 'jiasha-eggs', name: '土鸡蛋', spec: '30 枚', priceFen: 4500, refFen: 4800, stock: 200, category: 'meat-eggs', supplier: M, cert: 'ok', unitMin: 10, description: '林下散养土鸡所产，蛋黄颜色自然。' },
  { slug: 'jiasha-black-goat', name: '黑山羊肉', spec: '2kg 带骨', priceFen: 26800, refFen: 29800, stock: 25, category: 'meat-eggs', supplier: M, cert: 'ok', description: '山地放养黑山羊，炖煮、烧烤皆宜。' },
  { slug: 'jiasha-cured-pork', name: '农家腊肉', spec: '1kg', priceFen: 9800, refFen: 10800, stock: 40, category: 'meat-eggs', supplier: M, cert: 'expired', description: '松柏枝烟熏腊肉，肥瘦相间。' },
  { slug: 'jiasha-duck-eggs', name: '生态鸭蛋', spec: '20 枚', priceFen: 3600, refFen: 3800, stock: 90, category: 'meat-eggs', supplier: M, cert: 'ok', description: '稻田放养鸭所产。' },

  // 粮油干货: 保和乡、老厂镇
  { slug: 'baohe-red-rice', name: '保和高原红米', spec: '5kg', priceFen: 7800, refFen: 8800, stock: 150, category: 'grain-oil', supplier: G, cert: 'ok', featured: true, unitMin: 10, description: '海拔 1900 米梯田种植，米香浓郁。' },
  { slug: 'baohe-tartary-buckwheat', name: '苦荞米', spec: '2.5kg', priceFen: 4800, refFen: 5500, stock: 100, category: 'grain-oil', supplier: G, cert: 'ok', description: '高寒山区苦荞，可煮饭熬粥。' },
  { slug: 'baohe-rapeseed-oil', name: '压榨菜籽油', spec: '5L', priceFen: 9800, refFen: 10800, stock: 120, category: 'grain-oil', supplier: G, cert: 'ok', unitMin: 10, description: '小榨工艺，浓香型。' },
  { slug: 'laochang-walnuts', name: '老厂山地核桃', spec: '2kg 带壳', priceFen: 5600, refFen: 6500, stock: 130, category: 'grain-oil', supplier: W, cert: 'ok', description: '薄壳核桃，手捏即开。' },
  { slug: 'laochang-honey', name: '老厂山花蜂蜜', spec: '500g×2 瓶', priceFen: 8800, refFen: 9800, stock: 60, category: 'grain-oil', supplier: W, cert: 'ok', description: '百花蜜，一年只取一次。' },
  { slug: 'laochang-dried-mushrooms', name: '干香菇', spec: '500g', priceFen: 6800, refFen: 5000, stock: 50, category: 'grain-oil', supplier: W, cert: 'none', description: '椴木香菇晒干。价格待核。' },

  // 特色加工: 沙甸、锡城
  { slug: 'shadian-beef-jerky', name: '沙甸清真牛肉干', spec: '250g×2 袋', priceFen: 8800, refFen: 9800, stock: 100, category: 'processed', supplier: S, cert: 'ok', featured: true, description: '传统清真工艺，五香与麻辣两种口味各一袋。' },
  { slug: 'shadian-beef-sauce', name: '牛肉酱', spec: '220g×3 瓶', priceFen: 5400, refFen: 6000, stock: 110, category: 'processed', supplier: S, cert: 'ok', description: '牛肉粒与本地辣椒熬制。' },
  { slug: 'shadian-pastries', name: '沙甸清真糕点礼盒', spec: '800g', priceFen: 6800, refFen: 7800, stock: 70, category: 'processed', supplier: S, cert: 'pending', description: '酥饼、麻花等传统糕点。' },
  { slug: 'xicheng-pickled-veg', name: '个旧风味腌菜', spec: '500g×2 罐', priceFen: 3200, refFen: 3600, stock: 150, category: 'processed', supplier: X, cert: 'ok', description: '青菜腌制发酵，炒肉、煮米线必备。' },
  { slug: 'xicheng-chili-oil', name: '锡城油辣子', spec: '250g×2 瓶', priceFen: 3800, refFen: 4200, stock: 140, category: 'processed', supplier: X, cert: 'ok', description: '本地小米辣与菜籽油熬制，香而不燥。' },
  { slug: 'xicheng-rice-noodle-kit', name: '个旧米线调料包', spec: '10 人份', priceFen: 4600, refFen: 5000, stock: 95, category: 'processed', supplier: X, cert: 'ok', description: '汤料、卤汁与辣油，配米线即可。' },
];
