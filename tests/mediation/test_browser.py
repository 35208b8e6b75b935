"""In a real browser: a mediator runs a session through the six steps with minutes and a
caucus note; a supervisor records a correction; the mediator answers it and concludes."""

from __future__ import annotations

import pytest

from tests.browser import screenshot
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STEP_MINUTES = {
    1: ("王强", "我承认因停车纠纷推搡了李先生，致其受伤。"),
    2: ("李明", "受伤后休息了一个月，工作受到影响，晚上睡不好。"),
    3: ("李明之妻", "那段时间全家都很担心。"),
    4: ("陈律师", "参照测算结果，愿意赔偿医疗费、误工费等共三万元。"),
    5: ("张阿姨", "邻里之间以和为贵，希望双方各退一步。"),
    6: ("李明", "同意三万元，接受道歉，愿意出具谅解书。"),
}


def _record_step(page, number: int) -> None:
    speaker, text = STEP_MINUTES[number]
    form = page.get_by_test_id(f"minute-form-{number}")
    form.locator("input[name=speaker]").fill(speaker)
    form.locator("textarea[name=text]").fill(text)
    form.get_by_role("button").click()
    step = page.get_by_test_id(f"step-{number}")
    step.get_by_test_id("minute").filter(has_text=text).wait_for()
    if number == 6:
        step.get_by_test_id("outcome-select").select_option("reached")
    step.get_by_test_id("step-done").click()
    page.get_by_test_id(f"step-{number}-state").filter(has_text="已完成").wait_for()


def test_a_mediator_runs_the_six_steps_under_supervision(open_as, cast):
    session = cast.schedule()
    mediator = open_as(cast.mediator.username, PASSWORD)
    mediator.goto(f"/mediation/sessions/{session.pk}/")
    mediator.get_by_test_id("session-start").click()
    mediator.get_by_test_id("session-state").filter(has_text="进行中").wait_for()
    assert "当前：第 1 步" in mediator.get_by_test_id("current-step").inner_text()

    for number in (1, 2, 3):
        _record_step(mediator, number)
    assert "当前：第 4 步" in mediator.get_by_test_id("current-step").inner_text()

    caucus = mediator.get_by_test_id("caucus-form")
    caucus.get_by_label("犯罪嫌疑人/被告人一方").check()
    caucus.locator("textarea[name=text]").fill("嫌疑人家属私下表示最多能凑三万五千元。")
    caucus.get_by_role("button").click()
    mediator.get_by_test_id("caucus-note").first.wait_for()

    supervisor = open_as(cast.bureau_supervisor.username, PASSWORD)
    supervisor.goto("/mediation/supervision/")
    supervisor.get_by_test_id("session-link").first.click()
    supervisor.get_by_test_id("minute").filter(has_text=STEP_MINUTES[1][1]).wait_for()
    assert supervisor.get_by_test_id("caucus").count() == 0
    assert "三万五千" not in supervisor.content()
    form = supervisor.get_by_test_id("supervision-form")
    form.get_by_label("纠正建议").check()
    form.locator("textarea[name=text]").fill("不得要求被害人承诺“不再追究任何责任”，该表述应删除。")
    form.get_by_role("button").click()
    supervisor.get_by_text("待调解员答复").wait_for()

    for number in (4, 5, 6):
        _record_step(mediator, number)
    mediator.get_by_test_id("session-conclude").click()
    mediator.get_by_text("监督员提出的纠正建议尚未答复，不能结束会议。").wait_for()
    mediator.locator("#supervision input[name=answer]").fill("已删除该表述，并向双方说明。")
    mediator.get_by_test_id("answer-submit").click()
    mediator.get_by_text("已答复纠正建议。").wait_for()
    mediator.get_by_test_id("session-conclude").click()
    mediator.get_by_test_id("session-state").filter(has_text="已结束").wait_for()
    assert mediator.get_by_test_id("agreement-outcome").inner_text() == "达成和解协议"
    screenshot(mediator, "mediation-session-concluded")

    supervisor.reload()
    supervisor.get_by_text("已删除该表述，并向双方说明。").wait_for()
    screenshot(supervisor, "mediation-session-supervisor")
