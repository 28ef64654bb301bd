/** The five 2020 promotion rounds (推介会) for administrative and public-service units, as demo history. */
export const PROMOTION_ROUNDS = [
  { roundNo: 1, name: '第一轮消费扶贫农特产品推介会', heldOn: '2020-07-16', venue: '个旧市人民政府大院' },
  { roundNo: 2, name: '第二轮消费扶贫农特产品推介会', heldOn: '2020-08-13', venue: '个旧市金湖广场' },
  { roundNo: 3, name: '第三轮消费扶贫农特产品推介会', heldOn: '2020-09-10', venue: '大屯街道幸福小区' },
  { roundNo: 4, name: '第四轮消费扶贫农特产品推介会', heldOn: '2020-10-15', venue: '个旧市文化活动中心' },
  { roundNo: 5, name: '第五轮消费扶贫农特产品推介会', heldOn: '2020-11-12', venue: '个旧市金湖广场' },
];

/** ¥40,000,000 in fen: the programme's target, reported upward. */
export const DEFAULT_TARGET_FEN = 4_000_000_000n;
