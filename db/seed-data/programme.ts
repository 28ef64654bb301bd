/** The five 2020 promotion rounds (推介会) for administrative and public-service units, as demo history. */
export const PROMOTION_ROUNDS = [
  { roundNo: 1, name: '第一轮消费扶贫农特产品推介会', heldOn: '2020-07-16', endsOn: '2020-08-12', venue: '个旧市人民政府大院', open: false },
  { roundNo: 2, name: '第二轮消费扶贫农特产品推介会', heldOn: '2020-08-13', endsOn: '2020-09-09', venue: '个旧市金湖广场', open: false },
  { roundNo: 3, name: '第三轮消费扶贫农特产品推介会', heldOn: '2020-09-10', endsOn: '2020-10-14', venue: '大屯街道幸福小区', open: false },
  { roundNo: 4, name: '第四轮消费扶贫农特产品推介会', heldOn: '2020-10-15', endsOn: '2020-11-11', venue: '个旧市文化活动中心', open: false },
  { roundNo: 5, name: '第五轮消费扶贫农特产品推介会', heldOn: '2020-11-12', endsOn: '2020-12-31', venue: '个旧市金湖广场', open: false },
];

/** A current round for the demo, relative to the first seed: open from 10 days before to 80 days after. */
export const CURRENT_ROUND = { roundNo: 6, name: '第六轮消费扶贫农特产品推介会（演示）', venue: '个旧市金湖广场', open: true };

/** ¥40,000,000 in fen: the programme's target, reported upward. */
export const DEFAULT_TARGET_FEN = 4_000_000_000n;
