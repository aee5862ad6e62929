"""Dashboard tab: a manager sees revenue, visits and satisfaction charts and changes the period."""

from __future__ import annotations

from PySide6.QtCharts import QBarSeries, QLineSeries
from PySide6.QtCore import QCoreApplication

from lorch_desk.domain.clock import clinic_today
from lorch_desk.domain.permissions import Role
from lorch_desk.services.dashboard_periods import DashboardPeriod
from lorch_desk.ui.roles.manager.dashboard_tab import DashboardTabWidget
from lorch_desk.ui.roles.registry import tabs_for
from tests.services.test_dashboard import seed_centre
from tests.ui.conftest import open_tab, wait_idle


def _bars(view) -> list[float]:  # noqa: ANN001
    [series] = view.chart().series()
    assert isinstance(series, QBarSeries)
    [bar_set] = series.barSets()
    return [bar_set.at(n) for n in range(bar_set.count())]


def _line(view) -> list[tuple[float, float]]:  # noqa: ANN001
    [series] = view.chart().series()
    assert isinstance(series, QLineSeries)
    return [(point.x(), point.y()) for point in series.points()]


def _categories(view) -> list[str]:  # noqa: ANN001
    axis = view.chart().axes()[0]
    return list(axis.categories())


def test_the_manager_sees_thirty_days_then_twelve_months(
    qtbot, ui_context, database, actor_for
) -> None:  # noqa: ANN001
    manager = actor_for(Role.BRANCH_MANAGER)
    today = clinic_today()
    database.run(manager, lambda uow, _p: seed_centre(uow, today))
    assert "dashboard" in [tab.key for tab in tabs_for(manager)]
    assert "dashboard" not in [tab.key for tab in tabs_for(actor_for(Role.CUSTOMER_SERVICE))]

    context = ui_context(actor=manager)
    tab = open_tab(qtbot, DashboardTabWidget, context)
    assert tab.period is DashboardPeriod.DAYS_30
    revenue = _bars(tab.revenue_chart)
    assert len(revenue) == 30
    assert revenue[-1] == 1300.50 and revenue[-4] == 800.0
    assert sum(revenue) == 2100.50  # the sale of 54 days ago is off this chart
    visits = _bars(tab.visits_chart)
    assert (visits[-1], visits[-4], visits[-5], sum(visits)) == (1.0, 1.0, 1.0, 3.0)
    assert _line(tab.satisfaction_chart) == [(26.0, 100.0), (29.0, 50.0)]
    assert _categories(tab.revenue_chart)[-1] == today.strftime("%m-%d")
    surveys = QCoreApplication.translate("DashboardTabWidget", "%n survey(s) in the period.", "", 3)
    assert tab.status_label.text() == surveys

    tab.period_combo.setCurrentIndex(tab.period_combo.findData(DashboardPeriod.MONTHS_12))
    wait_idle(qtbot, context.tasks)
    months = _bars(tab.revenue_chart)
    assert len(months) == 12
    assert sum(months) == 3099.50
    assert _categories(tab.revenue_chart)[-1] == today.strftime("%Y-%m")
