// What the demo plant sells: finished product families and the parameters each one takes.
import type { ParamSchema } from "../orders/model/params.js";

export interface FinishedFamily {
  family: string;
  prefix: string;
  models: string[];
  ranges: string[];
  /** Price range of the family in yuan. */
  price: [number, number];
  schema: ParamSchema;
  /** Share of the family's items that also take a cable length. */
  cableShare: number;
}

const PROTOCOL = { type: "enum", values: ["4-20mA", "RS485", "HART", "Modbus"], default: "4-20mA", label: "输出协议" } as const;
const CERT = { type: "boolean", default: false, label: "校准证书" } as const;
const PRESSURE = { type: "enum", values: ["1.6MPa", "2.5MPa", "4MPa", "10MPa", "25MPa"], default: "1.6MPa", label: "压力等级" } as const;
const MATERIAL = { type: "enum", values: ["316L", "哈氏合金C276", "钛", "钽"], default: "316L", label: "接液材质" } as const;
export const CABLE_LENGTH = { type: "number", min: 0.5, max: 50, default: 2, unit: "m", label: "电缆长度" } as const;

const copy = (schema: Record<string, object>): ParamSchema => structuredClone(schema) as ParamSchema;

export const FAMILIES: FinishedFamily[] = [
  {
    family: "压力传感器",
    prefix: "PS",
    models: ["扩散硅压力传感器", "陶瓷电容压力传感器", "溅射薄膜压力传感器", "卫生型压力传感器", "防爆压力传感器", "微型压力传感器"],
    ranges: ["0-100kPa", "0-1MPa", "0-2.5MPa", "0-10MPa", "0-40MPa"],
    price: [800, 6000],
    schema: copy({ pressureRating: PRESSURE, protocol: PROTOCOL, calibrationCert: CERT, material: MATERIAL }),
    cableShare: 0.5,
  },
  {
    family: "温度变送器",
    prefix: "TT",
    models: ["一体化温度变送器", "防爆温度变送器", "导轨式温度变送器", "铠装热电阻变送器", "无线温度变送器"],
    ranges: ["-50~150℃", "0~300℃", "0~600℃", "-200~500℃", "0~1000℃"],
    price: [800, 4000],
    schema: copy({
      sensorType: { type: "enum", values: ["PT100", "PT1000", "K型热电偶", "S型热电偶"], default: "PT100", label: "测温元件" },
      probeLength: { type: "number", min: 50, max: 2000, default: 100, unit: "mm", label: "插入长度" },
      protocol: PROTOCOL,
      calibrationCert: CERT,
    }),
    cableShare: 0.3,
  },
  {
    family: "流量计",
    prefix: "FM",
    models: ["电磁流量计", "涡街流量计", "涡轮流量计", "金属管浮子流量计", "超声波流量计"],
    ranges: ["DN25", "DN50", "DN80", "DN100", "DN200"],
    price: [3000, 25000],
    schema: copy({
      pressureRating: PRESSURE,
      lining: { type: "enum", values: ["PTFE", "PFA", "氯丁橡胶", "聚氨酯"], default: "PTFE", label: "衬里材料" },
      protocol: PROTOCOL,
      calibrationCert: CERT,
    }),
    cableShare: 0,
  },
  {
    family: "液位计",
    prefix: "LT",
    models: ["投入式液位计", "磁翻板液位计", "雷达液位计", "超声波液位计", "静压式液位变送器"],
    ranges: ["0-5m", "0-10m", "0-20m", "0-30m", "0-60m"],
    price: [1500, 12000],
    schema: copy({ pressureRating: PRESSURE, material: MATERIAL, protocol: PROTOCOL, calibrationCert: CERT }),
    cableShare: 0.6,
  },
  {
    family: "差压变送器",
    prefix: "DP",
    models: ["智能差压变送器", "单法兰液位变送器", "双法兰差压变送器", "微差压变送器"],
    ranges: ["0-6kPa", "0-40kPa", "0-250kPa", "0-1MPa", "0-3MPa"],
    price: [3000, 15000],
    schema: copy({ pressureRating: PRESSURE, material: MATERIAL, protocol: PROTOCOL, calibrationCert: CERT }),
    cableShare: 0.1,
  },
];
