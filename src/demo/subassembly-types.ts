// The subassemblies the demo plant makes for its sensors, with their routing steps.

export type SubassemblyRole = "core" | "housing" | "board" | "display" | "connection" | "cable" | "probe";

export interface SubassemblyType {
  role: SubassemblyRole;
  name: string;
  prefix: string;
  count: number;
  variants: string[];
  price: [number, number];
  /** Work centres of its routing, in order; an entry with `|` is a choice. */
  route: string[];
}

export const SUBASSEMBLY_TYPES: SubassemblyType[] = [
  {
    role: "core",
    name: "传感器芯体",
    prefix: "SA-CORE",
    count: 90,
    variants: ["扩散硅", "陶瓷电容", "溅射薄膜", "单晶硅", "PT100", "PT1000"],
    price: [80, 1200],
    route: ["WC-CHIP", "WC-WELD", "WC-AGING", "WC-SEAL", "WC-TEST"],
  },
  {
    role: "housing",
    name: "壳体组件",
    prefix: "SA-HSG",
    count: 80,
    variants: ["M20×1.5 316L", "G1/2 316L", "1/2NPT 304", "卫生卡箍 316L", "防爆型 304"],
    price: [60, 600],
    route: ["WC-CNC1|WC-CNC2", "WC-MILL|WC-CNC3", "WC-WELD", "WC-CLEAN"],
  },
  {
    role: "board",
    name: "电路板组件",
    prefix: "SA-PCBA",
    count: 90,
    variants: ["4-20mA放大板", "HART通讯板", "RS485通讯板", "主控板", "电源板", "显示驱动板"],
    price: [40, 500],
    route: ["WC-SMT", "WC-DIP", "WC-COAT", "WC-AGING", "WC-TEST"],
  },
  {
    role: "display",
    name: "显示表头组件",
    prefix: "SA-DISP",
    count: 30,
    variants: ["LCD数显表头", "LED数显表头", "指针表头"],
    price: [60, 400],
    route: ["WC-SMT", "WC-ASM2", "WC-TEST"],
  },
  {
    role: "connection",
    name: "过程连接组件",
    prefix: "SA-CONN",
    count: 40,
    variants: ["螺纹接头", "法兰接头", "卡箍接头", "焊接接头"],
    price: [50, 900],
    route: ["WC-CNC2|WC-CNC3", "WC-GRIND", "WC-WELD", "WC-SEAL"],
  },
  {
    role: "cable",
    name: "电缆组件",
    prefix: "SA-CBL",
    count: 30,
    variants: ["PVC电缆组件", "聚氨酯电缆组件", "导气电缆组件"],
    price: [30, 300],
    route: ["WC-ASM2", "WC-SEAL", "WC-TEST"],
  },
  {
    role: "probe",
    name: "探头组件",
    prefix: "SA-PROBE",
    count: 40,
    variants: ["投入式探头", "铠装探头", "插入式探头"],
    price: [150, 1500],
    route: ["WC-EDM", "WC-WELD", "WC-SEAL", "WC-CAL", "WC-TEST"],
  },
];
