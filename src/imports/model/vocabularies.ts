// The closed lists of each import kind that a ledger writes in its own words, and the check of the
// user's answers to unknown words (decision 0066).
import { STATUS_VOCABULARY } from "./statuses.js";
import { type ValueAnswers, type Vocabulary, vocabulary } from "./value-words.js";

export const GRADE_VOCABULARY = vocabulary(["A", "B", "C", "D"], {
  A: ["A级", "甲", "甲级", "一级", "重点客户", "vip"],
  B: ["B级", "乙", "乙级", "二级"],
  C: ["C级", "丙", "丙级", "三级"],
  D: ["D级", "丁", "丁级", "四级"],
});

export const ITEM_KIND_VOCABULARY = vocabulary(["finished", "subassembly", "purchased"], {
  finished: ["成品", "产成品", "整机"],
  subassembly: ["半成品", "组件", "部件"],
  purchased: ["外购件", "原材料", "原料", "采购件", "外购"],
});

/** The fields of each import kind whose values come from a closed list. */
export const VOCABULARIES: Record<string, Record<string, Vocabulary>> = {
  orders: { status: STATUS_VOCABULARY },
  customers: { grade: GRADE_VOCABULARY },
  items: { kind: ITEM_KIND_VOCABULARY },
  inventory: {},
};

/** Answers naming a field without a vocabulary or a value outside it: the first such problem. */
export function invalidAnswer(kind: string, answers: ValueAnswers): { field: string; word?: string; value?: string } | undefined {
  for (const [field, words] of Object.entries(answers)) {
    const vocab = VOCABULARIES[kind]?.[field];
    if (!vocab) return { field };
    for (const [word, value] of Object.entries(words)) if (!vocab.values.includes(value)) return { field, word, value };
  }
  return undefined;
}
