"""Names the calculators' codes have on screen, in the user's language."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

PATHS = {
    "statutory_reconciliation": _("刑事和解（刑事诉讼法第288条）"),
    "compensation_mediation": _("赔偿调解、争取被害人谅解"),
    "public_interest_mediation": _("刑事附带民事公益诉讼调解"),
    "none": _("暂无可适用的调解路径"),
}

FACTS = {
    "offences": _("涉嫌罪名"),
    "injury_grade": _("伤情鉴定结论"),
    "civil_dispute_origin": _("是否因民间纠纷引起"),
    "prior_intentional_crime_within_5_years": _("五年内是否曾故意犯罪"),
    "suspect_repents": _("犯罪嫌疑人是否真诚悔罪"),
    "victim_willing": _("被害人是否自愿和解"),
    "public_interest_litigation": _("是否提起附带民事公益诉讼"),
}

ITEMS = {
    "medical": _("医疗费"),
    "lost_income": _("误工费"),
    "nursing": _("护理费"),
    "transport": _("交通费"),
    "accommodation": _("住宿费"),
    "hospital_food": _("住院伙食补助费"),
    "nutrition": _("营养费"),
    "disability": _("残疾赔偿金"),
    "assistive_devices": _("残疾辅助器具费"),
    "dependents": _("被扶养人生活费"),
    "mental_distress": _("精神损害抚慰金"),
    "funeral": _("丧葬费"),
    "death_compensation": _("死亡赔偿金"),
}

SCENARIOS = {
    "as_is": _("现状"),
    "compensation_and_understanding": _("赔偿并取得谅解"),
    "reconciliation": _("达成刑事和解"),
}

# Messages for the law package's error codes; the field path is shown beside them.
ERRORS = {
    "required": _("缺少必填项"),
    "type": _("格式不正确"),
    "min": _("数值过小"),
    "max": _("数值过大"),
    "range": _("超出允许范围"),
    "choice": _("不是可选的值"),
    "date": _("不是有效日期"),
    "date_order": _("日期先后顺序不对"),
    "region": _("不支持该地区"),
    "unknown_article": _("罪名目录中没有该条文"),
    "unknown_tier": _("该罪名没有这个量刑档次"),
    "tier_conflict": _("量刑档次与伤情不一致"),
    "unknown_factor": _("不认识的量刑情节"),
    "no_crime": _("按所填事实不构成该罪"),
    "no_rules": _("该日期没有适用的规则"),
    "dependant_adult": _("成年被扶养人须丧失劳动能力且无其他生活来源"),
    "parameter_missing": _(
        "缺少该地区、该年度的统计数据：请在“统计数据”中填写，或由管理员按来源补录"
    ),
    "json": _("不是有效的 JSON"),
    "io": _("无法读取输入"),
    "invalid": _("输入无效"),
}
