# ruff: noqa: E501 — bilingual message strings; CJK characters count double in width
"""Bilingual strings of the leniency estimate, and the names of its codes."""

from __future__ import annotations

from .messages_values import TRI, listing, plain, span, words

# Part III factors: the names the parameter data (sentencing/adjustments.yaml) gives them,
# plus the input facts that are not themselves adjustments.
FACTORS: dict[str, tuple[str, str]] = {
    "minor_12_15": ("offender aged 12–15", "已满十二周岁不满十六周岁"),
    "minor_16_17": ("offender aged 16–17", "已满十六周岁不满十八周岁"),
    "elderly_intentional": ("offender aged 75+ (intentional crime)", "已满七十五周岁故意犯罪"),
    "elderly_negligent": ("offender aged 75+ (negligent crime)", "已满七十五周岁过失犯罪"),
    "deaf_mute_or_blind": ("deaf and mute, or blind", "又聋又哑的人或者盲人"),
    "attempt": ("attempt", "未遂犯"),
    "accessory": ("accessory", "从犯"),
    "surrender": ("surrender", "自首"),
    "confession": ("confession of own crime", "坦白（如实供述自己罪行）"),
    "major_confession": (
        "confession that prevented especially serious consequences",
        "坦白（避免特别严重后果）",
    ),
    "guilty_plea": ("voluntary guilty plea in court", "当庭自愿认罪"),
    "meritorious_service": ("meritorious service", "立功"),
    "major_meritorious_service": ("major meritorious service", "重大立功"),
    "restitution": ("returning property or making restitution", "退赃、退赔"),
    "compensation_and_understanding": (
        "active compensation and the victim's understanding",
        "积极赔偿并取得谅解",
    ),
    "compensation_only": (
        "compensation without the victim's understanding",
        "积极赔偿但没有取得谅解",
    ),
    "understanding_only": ("understanding without compensation", "没有赔偿但取得谅解"),
    "reconciliation": ("criminal reconciliation agreement", "达成刑事和解协议"),
    "custody_conduct": ("good conduct in custody", "羁押期间表现良好"),
    "plea_leniency": ("admits guilt and accepts punishment", "认罪认罚"),
    "recidivist": ("recidivist", "累犯"),
    "prior_record": ("prior criminal record", "前科"),
    "vulnerable_victim": ("vulnerable victim", "犯罪对象为弱势人员"),
    "disaster_period": (
        "intentional crime during a major disaster or epidemic",
        "重大灾害、疫情期间故意犯罪",
    ),
    # input facts (sentencing/inputs.py CONTEXT_FACTS) and probation bars
    "compensated": ("compensation paid", "已赔偿"),
    "victim_understanding": ("the victim's understanding", "取得被害人谅解"),
    "pregnant": ("pregnant", "怀孕"),
    "ringleader": ("ringleader", "首要分子"),
}
SCENARIOS: dict[str, tuple[str, str]] = {
    "as_is": ("as the case stands", "现状"),
    "compensation_and_understanding": (
        "compensation and the victim's understanding",
        "赔偿并取得谅解",
    ),
    "reconciliation": ("reconciliation agreement", "达成刑事和解"),
}
# What a starting point is for (sentencing/starting_points.yaml "per"), and an input one.
STARTING_POINT_FOR: dict[str, tuple[str, str]] = {
    "input": ("given in the input", "输入指定"),
    "one victim with minor injury (轻伤)": ("one victim with minor injury (轻伤)", "致一人轻伤"),
    "one victim with serious injury (重伤)": (
        "one victim with serious injury (重伤)",
        "致一人重伤",
    ),
    "especially cruel means, grade-6 serious disability": (
        "especially cruel means, grade-6 serious disability",
        "以特别残忍手段致一人重伤，造成六级严重残疾",
    ),
    "serious accident": ("serious accident", "致人重伤、死亡或者使公私财产遭受重大损失"),
    "fleeing or especially bad circumstances": (
        "fleeing or especially bad circumstances",
        "交通运输肇事后逃逸或者有其他特别恶劣情节",
    ),
    "fleeing causes one death": ("fleeing causes one death", "因逃逸致一人死亡"),
    "one episode": ("one episode", "寻衅滋事一次"),
    "three gathered episodes": ("three gathered episodes", "纠集他人三次寻衅滋事"),
}
_factor = words(FACTORS)
_factors = listing(_factor)
_tri = words(TRI)

SENTENCING_FIELDS = {
    "sentence.statutory_range": {"output": span},
    "sentence.starting_point": {"output": span, "source": words(STARTING_POINT_FOR)},
    "sentence.increment": {"output": span},
    "sentence.base": {"output": span},
    "sentence.scenario": {"output": words(SCENARIOS), "added": _factors, "available": _tri},
    "sentence.excluded_factor": {"output": _factor, "by": _factors},
    "sentence.no_double_count": {"output": _factor, "dropped": _factors},
    "sentence.plea_leniency_cap": {"output": span, "absorbed": _factors},
    "sentence.combination": {"output": span, "priority": span, "factors": _factors},
    "sentence.clamped": {"output": span, "computed": span},
    "sentence.probation": {"output": _tri, "barred": _factors, "mandatory": _tri},
    "sentence.exemption": {"output": _tri, "bases": listing(plain)},
}

SENTENCING: dict[str, tuple[str, str]] = {
    "sentence.summary": (
        "Estimated sentence as the case stands: {low}–{high} months",
        "按现有情节估算刑期：{low}至{high}个月",
    ),
    "sentence.statutory_range": (
        "Statutory range of Art. {article} tier {tier}: {output} months",
        "第{article}条第{tier}档法定刑：{output}个月",
    ),
    "sentence.starting_point": (
        "Starting point ({source}): {output} months",
        "量刑起点（{source}）：{output}个月",
    ),
    "sentence.increment": (
        "Increment for {victims} victims (supplied): {output} months",
        "被害人{victims}人的刑罚增加量（输入）：{output}个月",
    ),
    "sentence.base": ("Base sentence: {output} months", "基准刑：{output}个月"),
    "sentence.scenario": (
        'Scenario "{output}": factors added: {added}; available: {available}',
        "情形“{output}”：增加的情节：{added}；可否适用：{available}",
    ),
    "sentence.excluded_factor": (
        "Not counted beside {by}: {output}",
        "已认定{by}，{output}不再重复评价",
    ),
    "sentence.no_double_count": (
        "Reconciliation and compensation are one act: {dropped} folded into {output}, the larger "
        "reduction counts",
        "刑事和解与赔偿谅解系同一行为：{dropped}并入{output}，取较大的调节幅度",
    ),
    "sentence.plea_leniency_cap": (
        "Plea-leniency takes in as one reduction: {absorbed}; cap {cap}%: {output}",
        "认罪认罚一并评价的情节：{absorbed}；最多减少{cap}%，合计{output}",
    ),
    "sentence.combination": (
        "Factors counted: {factors}; the priority group multiplies by {priority}, the other "
        "factors net {output}",
        "计入的情节：{factors}；优先适用的情节连乘系数为{priority}，其余情节合计调节{output}",
    ),
    "sentence.below_minimum_available": (
        "Computed {computed} months is below the minimum; a below-minimum sentence (减轻) is legally "
        "available on the bases cited, but the estimate is reported at {output} months",
        "计算结果{computed}个月低于法定最低刑；依所引条文可以减轻处罚，但估算按{output}个月报告",
    ),
    "sentence.clamped": (
        "Computed {computed} months kept within the statutory range {output} months",
        "计算结果{computed}个月，限定在法定刑{output}个月以内",
    ),
    "sentence.probation": (
        "Probation possible: {output} (lowest estimate {low} months; barred by: {barred}); "
        "mandatory if the conditions are met: {mandatory}",
        "可否适用缓刑：{output}（最低估算{low}个月；禁止适用的情形：{barred}）；符合条件时是否应当适用：{mandatory}",
    ),
    "sentence.exemption": (
        "Exemption from punishment possible: {output} (bases: {bases}; statutory maximum "
        "{statutory_max} months, minor-crime limit {minor_max} months)",
        "可否免予刑事处罚：{output}（依据：{bases}；法定最高刑{statutory_max}个月，轻罪上限{minor_max}个月）",
    ),
    "sentence.judicial_adjustment": (
        "The judge may still adjust the result by {output} on the whole case (not applied here)",
        "法官可根据全案情况在{output}幅度内调整（本估算未适用）",
    ),
}
