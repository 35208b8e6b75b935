# ruff: noqa: E501 — bilingual message strings; CJK characters count double in width
"""Bilingual strings of the leniency estimate."""

from __future__ import annotations

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
        "Scenario {output}: factors added {added}; available {available}",
        "情形 {output}：增加情节 {added}；可适用 {available}",
    ),
    "sentence.excluded_factor": (
        "{output} is not counted beside {by}",
        "已认定 {by}，{output} 不再重复评价",
    ),
    "sentence.no_double_count": (
        "Reconciliation and compensation are one act: {dropped} folded into {output}, the larger "
        "reduction counts",
        "刑事和解与赔偿谅解系同一行为：{dropped} 并入 {output}，取较大的调节幅度",
    ),
    "sentence.plea_leniency_cap": (
        "Plea-leniency takes in {absorbed} as one reduction, cap {cap}%: {output}",
        "认罪认罚与 {absorbed} 一并评价，最高减少 {cap}%：{output}",
    ),
    "sentence.combination": (
        "Priority group {priority} applied first; other factors ({factors}) net {output}",
        "先适用优先情节 {priority}；其他情节（{factors}）合计 {output}",
    ),
    "sentence.below_minimum_available": (
        "Computed {computed} months is below the minimum; a below-minimum sentence (减轻) is legally "
        "available on the bases cited, but the estimate is reported at {output} months",
        "计算结果 {computed} 个月低于法定最低刑；依所引条文可以减轻处罚，但估算按 {output} 个月报告",
    ),
    "sentence.clamped": (
        "Computed {computed} months kept within the statutory range {output}",
        "计算结果 {computed} 个月限定在法定刑 {output} 个月以内",
    ),
    "sentence.probation": (
        "Probation possible {output} (lowest estimate {low} months, barred by {barred}); "
        "mandatory if the conditions are met: {mandatory}",
        "可以适用缓刑：{output}（最低估算 {low} 个月，禁止情形 {barred}）；符合条件时应当适用：{mandatory}",
    ),
    "sentence.exemption": (
        "Exemption from punishment possible {output} (bases {bases}; statutory maximum {statutory_max} "
        "≤ {minor_max} months)",
        "可以免予刑事处罚：{output}（依据 {bases}；法定最高刑 {statutory_max} ≤ {minor_max} 个月）",
    ),
    "sentence.judicial_adjustment": (
        "The judge may still adjust the result by {output} on the whole case (not applied here)",
        "法官可根据全案情况在 {output} 幅度内调整（本估算未适用）",
    ),
}
