// What the demo plant buys: categories of purchased material with price and lead-time ranges.

export interface PurchasedCategory {
  prefix: string;
  count: number;
  /** Name parts: one is drawn from each list and joined with spaces. */
  parts: string[][];
  uom: string;
  price: [number, number];
  lead: [number, number];
}

export const PURCHASED_CATEGORIES: PurchasedCategory[] = [
  { prefix: "HSG", count: 90, parts: [["不锈钢壳体"], ["316L", "304"], ["φ22", "φ27", "φ32", "φ40", "φ60"]], uom: "pcs", price: [20, 300], lead: [15, 40] },
  {
    prefix: "ORG",
    count: 120,
    parts: [
      ["氟橡胶O型圈", "丁腈O型圈", "全氟醚O型圈", "硅胶密封圈"],
      ["φ8×1.9", "φ12×2", "φ18×2.4", "φ25×2.65", "φ32×3.1"],
    ],
    uom: "pcs",
    price: [0.2, 12],
    lead: [5, 20],
  },
  {
    prefix: "IC",
    count: 100,
    parts: [
      [
        "MCU芯片 STM32F030",
        "ADC芯片 AD7791",
        "运放芯片 OPA333",
        "HART调制解调芯片 AD5700",
        "RS485收发器 MAX3485",
        "基准源 REF3030",
        "LDO稳压芯片 TPS7A",
        "EEPROM 24C02",
        "DAC芯片 AD5421",
      ],
      ["QFN", "SOIC", "TSSOP"],
    ],
    uom: "pcs",
    price: [1, 80],
    lead: [20, 45],
  },
  {
    prefix: "SCR",
    count: 130,
    parts: [
      ["内六角螺钉", "十字盘头螺钉", "紧定螺钉", "沉头螺钉"],
      ["M2.5", "M3", "M4", "M5", "M6"],
      ["×6", "×8", "×10", "×12", "×16", "×20"],
      ["304", "316"],
    ],
    uom: "pcs",
    price: [0.05, 1],
    lead: [3, 10],
  },
  {
    prefix: "CBL",
    count: 50,
    parts: [
      ["四芯屏蔽电缆", "两芯屏蔽电缆", "导气电缆", "聚氨酯电缆", "耐高温硅胶电缆"],
      ["0.3mm²", "0.5mm²", "0.75mm²"],
    ],
    uom: "m",
    price: [2, 30],
    lead: [7, 20],
  },
  {
    prefix: "SEN",
    count: 80,
    parts: [
      ["扩散硅压力芯片", "陶瓷电容敏感元件", "溅射薄膜敏感元件", "PT100铂电阻元件", "K型热电偶丝"],
      ["A级", "B级", "0-1MPa", "0-10MPa", "0-40MPa"],
    ],
    uom: "pcs",
    price: [30, 600],
    lead: [25, 45],
  },
  {
    prefix: "PCB",
    count: 70,
    parts: [["PCB裸板"], ["放大板", "通讯板", "主控板", "电源板", "显示板"], ["V1.0", "V1.2", "V2.0", "V2.1", "V3.0"]],
    uom: "pcs",
    price: [2, 40],
    lead: [7, 15],
  },
  {
    prefix: "RES",
    count: 150,
    parts: [["贴片电阻"], ["0402", "0603", "0805"], ["10Ω", "100Ω", "1kΩ", "4.7kΩ", "10kΩ", "100kΩ"], ["1%", "0.1%"]],
    uom: "pcs",
    price: [0.01, 0.2],
    lead: [3, 10],
  },
  {
    prefix: "CAP",
    count: 130,
    parts: [
      ["贴片电容", "钽电容"],
      ["0402", "0603", "0805"],
      ["10pF", "100nF", "1uF", "10uF", "22uF"],
    ],
    uom: "pcs",
    price: [0.01, 2],
    lead: [3, 12],
  },
  {
    prefix: "FIT",
    count: 80,
    parts: [
      ["压力接头", "变径接头", "焊接底座", "卡套接头"],
      ["M20×1.5", "G1/2", "G1/4", "1/2NPT"],
      ["316L", "304"],
    ],
    uom: "pcs",
    price: [5, 80],
    lead: [10, 25],
  },
  {
    prefix: "DIA",
    count: 50,
    parts: [
      ["隔离膜片", "波纹膜片"],
      ["316L", "哈氏合金C276", "钽"],
      ["φ16", "φ25", "φ40", "φ60"],
    ],
    uom: "pcs",
    price: [3, 120],
    lead: [15, 30],
  },
  {
    prefix: "OIL",
    count: 15,
    parts: [
      ["硅油", "氟油"],
      ["50cSt", "100cSt", "200cSt"],
    ],
    uom: "kg",
    price: [80, 300],
    lead: [10, 20],
  },
  {
    prefix: "BOX",
    count: 25,
    parts: [
      ["包装纸箱", "珍珠棉内衬", "木箱"],
      ["小号", "中号", "大号"],
    ],
    uom: "pcs",
    price: [1, 60],
    lead: [3, 7],
  },
  {
    prefix: "LBL",
    count: 40,
    parts: [
      ["不锈钢铭牌", "防爆标牌", "合格证标签"],
      ["激光刻印", "丝印"],
    ],
    uom: "pcs",
    price: [0.5, 5],
    lead: [5, 10],
  },
  {
    prefix: "CON",
    count: 60,
    parts: [
      ["赫斯曼插头 DIN43650", "航空插头 M12", "防水格兰头", "接线端子"],
      ["4芯", "5芯", "8芯"],
    ],
    uom: "pcs",
    price: [2, 50],
    lead: [10, 30],
  },
  {
    prefix: "LCD",
    count: 30,
    parts: [
      ["段码液晶屏", "OLED显示屏", "LED数码管"],
      ["4位", "5位", "128×64"],
    ],
    uom: "pcs",
    price: [10, 60],
    lead: [15, 35],
  },
  {
    prefix: "FLG",
    count: 50,
    parts: [
      ["平焊法兰", "对焊法兰", "卫生法兰"],
      ["DN25", "DN50", "DN80", "DN100"],
      ["PN16", "PN40"],
    ],
    uom: "pcs",
    price: [40, 400],
    lead: [15, 30],
  },
  {
    prefix: "MAG",
    count: 30,
    parts: [
      ["磁性浮子", "磁钢", "翻柱"],
      ["钛", "316L", "PP"],
    ],
    uom: "pcs",
    price: [5, 200],
    lead: [10, 30],
  },
];
