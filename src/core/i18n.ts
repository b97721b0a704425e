// Server-side messages in Chinese (default) and English, picked from Accept-Language.
export type Lang = "zh" | "en";
export type MessageParams = Record<string, string | number>;

const messages = {
  "request.malformed_json": ["请求体不是合法的 JSON：{detail}", "The request body is not valid JSON: {detail}"],
  "request.unsupported_type": ["不支持的内容类型 {type}", "Unsupported content type {type}"],
  "request.too_large": ["请求体超过上限 {limit} 字节", "The request body is larger than the limit of {limit} bytes"],
  "field.required": ["字段 {field} 为必填项", "Field {field} is required"],
  "field.type": ["字段 {field} 应为 {expected}", "Field {field} must be {expected}"],
  "field.enum": ["字段 {field} 的取值必须是 {allowed} 之一", "Field {field} must be one of {allowed}"],
  "field.too_small": ["字段 {field} 不能小于 {min}", "Field {field} must be at least {min}"],
  "field.too_big": ["字段 {field} 不能大于 {max}", "Field {field} must be at most {max}"],
  "field.too_short": ["字段 {field} 至少需要 {min} 项/字符", "Field {field} needs at least {min} items or characters"],
  "field.too_long": ["字段 {field} 最多 {max} 项/字符", "Field {field} allows at most {max} items or characters"],
  "field.format": ["字段 {field} 格式不正确（{format}）", "Field {field} has the wrong format ({format})"],
  "field.unknown": ["未知字段 {field}", "Unknown field {field}"],
  "field.invalid": ["字段 {field} 无效：{detail}", "Field {field} is invalid: {detail}"],
  "field.date": ["字段 {field} 不是有效日期（YYYY-MM-DD）", "Field {field} is not a valid date (YYYY-MM-DD)"],
  "field.money": ["字段 {field} 不是有效金额（最多两位小数）", "Field {field} is not a valid amount (at most 2 decimals)"],
  "auth.required": ["请先登录", "Please sign in"],
  "auth.bad_credentials": ["用户名或密码错误", "Wrong username or password"],
  "auth.forbidden": ["角色 {roles} 无权执行此操作（需要 {allowed}）", "Role {roles} may not do this (needs {allowed})"],
  "customer.not_found": ["客户 {code} 不存在", "Customer {code} does not exist"],
  "customer.exists": ["客户编码 {code} 已存在", "Customer code {code} already exists"],
  "item.not_found": ["物料 {sku} 不存在", "Item {sku} does not exist"],
  "item.not_sellable": ["物料 {sku} 是外购件，不能直接下单", "Item {sku} is a purchased material and cannot be ordered"],
  "item.no_bom_version": ["物料 {sku} 在 {date} 没有生效的 BOM 版本 {version}", "Item {sku} has no BOM version {version} effective on {date}"],
  "param.unknown": ["物料 {sku} 没有参数 {param}", "Item {sku} has no parameter {param}"],
  "param.required": ["物料 {sku} 必须填写参数 {param}", "Item {sku} requires parameter {param}"],
  "param.enum": ["参数 {param} 必须是 {allowed} 之一", "Parameter {param} must be one of {allowed}"],
  "param.type": ["参数 {param} 应为 {expected}", "Parameter {param} must be {expected}"],
  "param.range": ["参数 {param} 必须在 {min} 到 {max} 之间", "Parameter {param} must be between {min} and {max}"],
  "order.not_found": ["订单 {orderNo} 不存在", "Order {orderNo} does not exist"],
  "order.rush_grade_d": ["D 级客户 {customer} 不能使用加急通道", "Grade D customer {customer} cannot use the rush channel"],
  "order.stale_version": [
    "订单已被他人修改：当前版本 {current}，你提交的是 {given}",
    "The order was changed by someone else: current version {current}, yours {given}",
  ],
  "order.if_match_required": ["修改订单需要 If-Match 版本头", "Changing an order needs the If-Match version header"],
  "order.transition_not_allowed": ["订单状态不能从 {from} 变为 {to}", "An order cannot go from {from} to {to}"],
  "order.transition_role": [
    "角色 {roles} 不能把订单从 {from} 变为 {to}（需要 {allowed}）",
    "Role {roles} may not move an order from {from} to {to} (needs {allowed})",
  ],
  "order.reason_required": ["状态变为 {to} 需要填写原因", "Moving to {to} needs a reason"],
  "order.not_editable": ["订单处于 {status} 状态，字段 {field} 不能修改", "Field {field} cannot be changed while the order is {status}"],
  "order.field_role": ["角色 {roles} 不能修改字段 {field}（需要 {allowed}）", "Role {roles} may not change field {field} (needs {allowed})"],
  "order.requested_in_past": ["要求交期 {date} 早于今天", "Requested date {date} is before today"],
  "order.idempotency_mismatch": ["幂等键 {key} 已用于另一份不同的订单", "Idempotency key {key} was already used for a different order"],
  "order.bulk_batch_mismatch": ["批次 {batchId} 已用不同内容提交过", "Batch {batchId} was already submitted with different content"],
  "order.amount_too_large": ["订单金额超过上限 {max}", "The order amount is over the limit of {max}"],
  "order.duplicate_line": ["第 {line} 行与前面的行重复（同物料同参数）", "Line {line} repeats an earlier line (same item and parameters)"],
  "rule.not_found": ["规则 {id} 不存在", "Rule {id} does not exist"],
  "rule.name_taken": ["规则名称 {name} 已存在", "A rule named {name} already exists"],
  "order.blocked": ["订单不能变为 {to}：{reason}", "The order cannot move to {to}: {reason}"],
  "order.hold_release_role": ["此暂停只能由 {allowed} 解除：{reason}", "Only {allowed} may release this hold: {reason}"],
  "task.not_found": ["任务 {id} 不存在", "Task {id} does not exist"],
  "task.not_yours": ["任务 {id} 不属于你的角色", "Task {id} is not assigned to your role"],
  "metrics.period_order": ["字段 {field}：结束日期 {to} 早于开始日期 {from}", "Field {field}: the end date {to} is before the start date {from}"],
  "metrics.period_too_long": ["字段 {field}：统计区间 {days} 天，最长 {max} 天", "Field {field}: the period has {days} days, at most {max} are allowed"],
  "metrics.pivot_outside": [
    "字段 {field}：对比日期 {pivot} 必须在 {from} 之后、不晚于 {to}",
    "Field {field}: the pivot date {pivot} must be after {from} and not after {to}",
  ],
  "metrics.unknown_stage": ["字段 {field}：没有阶段 {stage}（可选 {allowed}）", "Field {field}: there is no stage {stage} (one of {allowed})"],
  "import.file_empty": ["文件 {file} 是空的", "The file {file} is empty"],
  "import.file_missing": ["请以 multipart 上传文件（字段 file）", "Upload the file as multipart form data (field file)"],
  "import.file_corrupt": ["文件 {file} 已损坏或不是有效的 xlsx/csv：{detail}", "The file {file} is damaged or not a valid xlsx/csv: {detail}"],
  "import.file_encrypted": [
    "文件 {file} 有密码保护：请在 Excel 中去除密码后再导入",
    "The file {file} is password-protected: remove the password in Excel, then import it",
  ],
  "import.file_xls": ["不支持旧版 .xls 文件 {file}：请在 Excel 中另存为 .xlsx", "Old .xls files are not supported ({file}): save it as .xlsx in Excel"],
  "import.file_too_large": ["文件超过上限 {limit} 字节", "The file is larger than the limit of {limit} bytes"],
  "import.sheet_not_found": ["工作表“{sheet}”不存在；可选：{sheets}", "There is no sheet “{sheet}”; sheets: {sheets}"],
  "import.no_header": [
    "工作表“{sheet}”前 30 行中找不到可识别的表头（例如 {expected}）",
    "No recognisable header in the first 30 rows of sheet “{sheet}” (expected e.g. {expected})",
  ],
  "import.missing_columns": ["找不到必需的列：{columns}；表头为：{headers}", "Required columns not found: {columns}; the header is: {headers}"],
  "import.mapping_invalid": ["列映射无效：字段 {field}：{detail}", "Invalid column mapping: field {field}: {detail}"],
  "import.formula_no_result": [
    "单元格 {cells} 是没有计算结果的公式：请在 Excel 中打开并保存（或粘贴为数值）后再导入",
    "Cells {cells} hold formulas without a calculated result: open and save the file in Excel (or paste as values), then import",
  ],
  "import.merged_cells": [
    "数据区域有合并单元格 {cells}：请取消合并并在每一行填写完整后再导入",
    "The data has merged cells {cells}: unmerge them and fill every row, then import",
  ],
  "import.no_rows": ["工作表“{sheet}”表头下没有数据行", "Sheet “{sheet}” has no data rows under its header"],
  "import.credit_fields": ["导入客户的等级和信用额度需要财务或管理员权限", "Importing customer grades and credit limits needs finance or admin"],
  "import.template_not_found": ["导入模板 {name} 不存在", "Import template {name} does not exist"],
  "import.progress_not_found": [
    "没有编号为 {id} 的导入进度（进度在导入结束 5 分钟后清除）",
    "No import progress with id {id} (progress is cleared 5 minutes after an import ends)",
  ],
  "sync.batch_mismatch": ["同步批次 {batchId} 已用不同内容提交过", "Sync batch {batchId} was already submitted with different content"],
  "sync.rejected": [
    "同步被拒绝：{count} 行有错误，未做任何更改（可用 partial=1 只应用正确的行）",
    "Sync refused: {count} lines have errors and nothing was changed (partial=1 applies the valid lines)",
  ],
  "request.rate_limited": ["请求过于频繁，请 {after} 后再试", "Too many requests; try again in {after}"],
  "request.not_multipart": ["此接口需要 multipart/form-data 上传", "This route takes a multipart/form-data upload"],
  "order.no_shipment_yet": ["订单处于 {status} 状态，尚不能登记发货", "The order is {status}; a shipment cannot be recorded yet"],
  "equipment.not_found": ["设备 {serial} 不存在", "Equipment {serial} does not exist"],
  "equipment.import_invalid": ["导入数据有 {count} 处错误，未保存任何数据", "The import has {count} errors; nothing was saved"],
  "proposal.empty": ["设备 {serial} 的建议中没有任何行，无法生成订单", "The proposal for {serial} has no lines to order"],
  "replenishment.not_found": ["补货申请 {id} 不存在", "Replenishment request {id} does not exist"],
  "replenishment.not_open": ["补货申请 {id} 已是 {status} 状态", "Replenishment request {id} is already {status}"],
  "visit.photo_missing": ["请上传一张照片（字段 {field}）", "Upload one photo (field {field})"],
  "visit.photo_empty": ["照片 {field} 是空文件", "Photo {field} is an empty file"],
  "visit.photo_type": [
    "照片 {field} 必须是 JPEG、PNG 或 WebP 图片（按文件内容判断，声明类型为 {declared}）",
    "Photo {field} must be a JPEG, PNG or WebP image (judged by its content; declared as {declared})",
  ],
  "visit.photo_too_large": ["照片 {field} 超过 {limit} 字节上限", "Photo {field} is larger than the limit of {limit} bytes"],
  "visit.too_many_files": ["只能上传一个文件（字段 {field}）", "Upload only one file (field {field})"],
  "visit.bad_json": ["字段 {field} 不是合法的 JSON", "Field {field} is not valid JSON"],
  "view.not_found": ["视图 {id} 不存在", "View {id} does not exist"],
  "view.not_yours": ["视图 {id} 属于 {owner}，只能由其本人或管理员删除", "View {id} belongs to {owner}; only they or an admin may delete it"],
  "conflict.concurrent": ["数据已被同时修改，请重试", "The data was changed at the same time; please retry"],
  "not_found.route": ["没有这个接口：{method} {url}", "No such route: {method} {url}"],
  "calendar.range_too_long": ["日期范围最多 {max} 天", "The date range may span at most {max} days"],
  "calendar.day_order": ["结束日期 {to} 早于开始日期 {from}", "The end date {to} is before the start date {from}"],
  "calendar.exception_not_found": ["日历例外 {id} 不存在", "Calendar exception {id} does not exist"],
  "calendar.exception_overlap": ["与已有的日历例外 {id}（{from} 至 {to}，{reason}）重叠", "Overlaps calendar exception {id} ({from} to {to}, {reason})"],
  "calendar.work_centre_not_found": ["工作中心 {code} 不存在", "Work centre {code} does not exist"],
  "calendar.shift_too_long": ["班次总时长 {hours} 小时超过一天 24 小时", "Shifts of {hours} hours in total exceed the 24 hours of a day"],
  "calendar.maintenance_not_found": ["维护窗口 {id} 不存在", "Maintenance window {id} does not exist"],
  "calendar.maintenance_overlap": [
    "与工作中心 {workCentre} 已有的维护窗口 {id}（{reason}）重叠",
    "Overlaps maintenance window {id} of work centre {workCentre} ({reason})",
  ],
  "calendar.maintenance_too_long": ["维护窗口最长 {max} 天", "A maintenance window may last at most {max} days"],
  "planning.order_not_planned": [
    "订单 {orderNo} 不在当前计划中（未确认、暂停或已完工）",
    "Order {orderNo} is not in the current plan (not confirmed, on hold or done)",
  ],
  "reschedule.rejected": ["{count} 个订单不能改期，整批未做任何修改", "{count} orders cannot be rescheduled; nothing in the batch was changed"],
  "reschedule.not_open": ["订单 {orderNo} 处于 {status} 状态，不能改期", "Order {orderNo} is {status} and cannot be rescheduled"],
  "reschedule.changed": ["订单 {orderNo} 在改期时被他人修改，请刷新后重试", "Order {orderNo} was changed by someone else meanwhile; reload and retry"],
  "internal.error": ["服务器内部错误（编号 {requestId}）", "Internal server error (id {requestId})"],
  "users.exists": ["用户名 {username} 已存在", "Username {username} already exists"],
  "users.not_found": ["用户 {username} 不存在", "User {username} does not exist"],
  "users.last_admin": [
    "{username} 是最后一个启用的管理员，不能停用或去掉管理员角色",
    "{username} is the last active admin: it cannot be deactivated or lose the admin role",
  ],
  "purchase_request.not_found": ["采购申请 {id} 不存在", "Purchase request {id} does not exist"],
  "purchase_request.decided": ["采购申请 {id} 已{status}，不能再确认", "Purchase request {id} is already {status}"],
  "purchase_request.location": ["库位 {location} 不存在", "Location {location} does not exist"],
  "promise.not_promised": ["订单 {orderNo} 没有可重新确认的承诺交期", "Order {orderNo} has no open promise to re-confirm"],
  "promise.before_plan": ["新交期 {date} 早于计划能做到的 {planned}", "The new date {date} is before the {planned} the plan can make"],
  "promise.at_risk_task": [
    "订单 {orderNo} 承诺交期 {promised} 保不住（计划 {planned}）：请致电客户确认新交期",
    "Order {orderNo}: the promised {promised} cannot be kept (planned {planned}); call the customer with the new date",
  ],
} as const;

export type MessageKey = keyof typeof messages;

export function translate(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  const template = messages[key][lang === "zh" ? 0 : 1];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** Chinese unless the caller asks for English first. */
export function langFromHeader(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return "zh";
  const first = acceptLanguage.split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("en") ? "en" : "zh";
}
