// Pure generator of the customer master: east-China industrial buyers with grades, credit and contacts.
import { fromFen } from "../core/money.js";
import type { Rng } from "./random.js";
import type { CustomerRow } from "./rows.js";

const CITIES: [city: string, region: string, weight: number][] = [
  ["苏州", "江苏", 8],
  ["无锡", "江苏", 6],
  ["常州", "江苏", 5],
  ["南京", "江苏", 5],
  ["南通", "江苏", 3],
  ["扬州", "江苏", 2],
  ["镇江", "江苏", 2],
  ["泰州", "江苏", 2],
  ["杭州", "浙江", 6],
  ["宁波", "浙江", 5],
  ["绍兴", "浙江", 3],
  ["嘉兴", "浙江", 3],
  ["温州", "浙江", 3],
  ["台州", "浙江", 2],
  ["湖州", "浙江", 2],
  ["上海", "上海", 9],
  ["合肥", "安徽", 4],
  ["芜湖", "安徽", 2],
  ["马鞍山", "安徽", 1],
  ["青岛", "山东", 2],
  ["济南", "山东", 1],
  ["佛山", "广东", 1],
  ["厦门", "福建", 1],
];
const BRAND_FIRST = "恒华瑞天宏金新永鼎博盛中凯嘉精普科联远众德汇富明立信正海东".split("");
const BRAND_SECOND = "锐光丰达信成泰源力诚宇航创通邦安程润威捷晟弘峰川泽元瀚".split("");
const TRADES = [
  "机电",
  "仪表",
  "自动化",
  "流体设备",
  "环保科技",
  "热能设备",
  "水务",
  "化工装备",
  "制药设备",
  "液压",
  "阀门",
  "电力设备",
  "工程技术",
  "智能装备",
  "测控技术",
  "能源科技",
];
const SUFFIXES = ["有限公司", "有限公司", "有限责任公司", "股份有限公司"];
const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾".split("");
const GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国文斌志红兵辉鹏宇浩".split("");
const TERMS = ["月结60天", "月结30天", "款到发货", "需随货附校准证书", "年度框架协议价", "发票随货", "指定顺丰发货", "质保期24个月"];

// Credit limits by grade, in yuan, rounded to 10,000.
const LIMITS: Record<CustomerRow["grade"], [number, number]> = {
  A: [500_000, 2_000_000],
  B: [200_000, 800_000],
  C: [50_000, 300_000],
  D: [0, 50_000],
};

export function personName(rng: Rng): string {
  const given = rng.chance(0.6) ? rng.pick(GIVEN) + rng.pick(GIVEN) : rng.pick(GIVEN);
  return rng.pick(SURNAMES) + given;
}

export function generateCustomers(rng: Rng, count = 400): CustomerRow[] {
  const grades: CustomerRow["grade"][] = rng.shuffle(
    Array.from({ length: count }, (_, i): CustomerRow["grade"] => {
      const share = i / count;
      return share < 0.15 ? "A" : share < 0.5 ? "B" : share < 0.85 ? "C" : "D";
    }),
  );
  const overLimit = new Set(rng.sample([...Array(count).keys()], Math.round(count * 0.08)));
  const names = new Set<string>();
  const weights = CITIES.map((c) => c[2]);
  return grades.map((grade, i) => {
    let name: string;
    let region: string;
    do {
      const [city, prov] = rng.weighted(CITIES, weights);
      region = prov;
      name = `${city}${rng.pick(BRAND_FIRST)}${rng.pick(BRAND_SECOND)}${rng.pick(TRADES)}${rng.pick(SUFFIXES)}`;
    } while (names.has(name));
    names.add(name);
    const [lo, hi] = LIMITS[grade];
    const limitFen = BigInt(Math.round(rng.float(lo, hi) / 10_000) * 10_000) * 100n;
    const ratio = overLimit.has(i) ? rng.float(1.02, 1.4) : rng.float(0, 0.9);
    // Over-limit customers with no credit at all still owe something.
    const baseFen = limitFen > 0n ? Number(limitFen) : rng.int(500_000, 3_000_000);
    const receivablesFen = overLimit.has(i) || limitFen > 0n ? BigInt(Math.round(baseFen * ratio)) : 0n;
    return {
      code: `C${String(i + 1).padStart(4, "0")}`,
      name,
      grade,
      credit_limit: fromFen(limitFen),
      open_receivables: fromFen(receivablesFen),
      special_terms: rng.chance(0.3) ? rng.pick(TERMS) : "",
      contact_name: personName(rng),
      contact_phone: `1${rng.pick(["3", "5", "8", "9"])}${String(rng.int(0, 999_999_999)).padStart(9, "0")}`,
      region,
    };
  });
}
