"""The manager's dashboard: revenue, visits and satisfaction over 30 days, 12 weeks or 12 months."""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from lorch_desk.domain.changes import ChangeSet
from lorch_desk.domain.errors import DomainError
from lorch_desk.services import dashboard
from lorch_desk.services.dashboard import DashboardPoint
from lorch_desk.services.dashboard_periods import DashboardPeriod
from lorch_desk.ui import errors
from lorch_desk.ui.context import UiContext

PERIOD_LABELS: dict[DashboardPeriod, str] = {
    DashboardPeriod.DAYS_30: QT_TRANSLATE_NOOP("dashboard", "Last 30 days"),
    DashboardPeriod.WEEKS_12: QT_TRANSLATE_NOOP("dashboard", "Last 12 weeks"),
    DashboardPeriod.MONTHS_12: QT_TRANSLATE_NOOP("dashboard", "Last 12 months"),
}
# The tables whose changes move a chart.
WATCHED_TABLES = ("sale", "arrival", "satisfaction_survey")


def point_label(point: DashboardPoint, period: DashboardPeriod) -> str:
    """11-23 for a day or the Monday of a week, 2026-11 for a month."""
    if period is DashboardPeriod.MONTHS_12:
        return point.first.strftime("%Y-%m")
    return point.first.strftime("%m-%d")


def _top(bar_set: QBarSet) -> float:
    return max((bar_set.at(n) for n in range(bar_set.count())), default=0.0)


class DashboardTabWidget(QWidget):
    """Three charts over one period picker; each reads the dashboard service's points."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.points: list[DashboardPoint] = []
        self.period_combo = QComboBox()
        self.period_combo.setObjectName("dashboard_period")
        for period, label in PERIOD_LABELS.items():
            self.period_combo.addItem(QCoreApplication.translate("dashboard", label), period)
        self.period_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.status_label = QLabel()
        self.revenue_chart = self._chart_view(self.tr("Revenue (yuan)"))
        self.visits_chart = self._chart_view(self.tr("Visits"))
        self.satisfaction_chart = self._chart_view(self.tr("Satisfied (% of surveys)"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Period")))
        top.addWidget(self.period_combo)
        top.addWidget(self.status_label, 1)
        grid = QGridLayout()
        grid.addWidget(self.revenue_chart, 0, 0, 1, 2)
        grid.addWidget(self.visits_chart, 1, 0)
        grid.addWidget(self.satisfaction_chart, 1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid, 1)
        context.events.data_changed.connect(self._on_events_data_changed)
        self.reload()

    @property
    def period(self) -> DashboardPeriod:
        return DashboardPeriod(self.period_combo.currentData())

    def reload(self) -> None:
        """Read the points of the chosen period again and redraw the charts."""
        period = self.period
        self._context.tasks.run(
            lambda uow, _p: dashboard.dashboard_points(uow, period=period),
            on_done=lambda points: self.show_points(points, period),
            on_error=self._on_refused,
            parent=self,
            read_only=True,
        )

    def show_points(self, points: list[DashboardPoint], period: DashboardPeriod) -> None:
        """Draw the three series of `points`."""
        self.points = points
        labels = [point_label(point, period) for point in points]
        revenue = QBarSet(self.tr("Revenue"))
        revenue.append([float(point.revenue) for point in points])
        self._draw(self.revenue_chart, self._bars(revenue), labels, _top(revenue))
        visits = QBarSet(self.tr("Visits"))
        visits.append([float(point.visits) for point in points])
        self._draw(self.visits_chart, self._bars(visits), labels, _top(visits))
        satisfaction = QLineSeries()
        satisfaction.setName(self.tr("Satisfied %"))
        satisfaction.setPointsVisible(True)
        for index, point in enumerate(points):
            if point.satisfaction_rate is not None:
                satisfaction.append(index, float(point.satisfaction_rate))
        self._draw(self.satisfaction_chart, satisfaction, labels, 100.0)
        surveyed = sum(point.surveys for point in points)
        self.status_label.setText(
            self.tr("%n survey(s) in the period.", "", surveyed) if surveyed else ""
        )

    def _chart_view(self, title: str) -> QChartView:
        chart = QChart()
        chart.setTitle(title)
        chart.legend().hide()
        view = QChartView(chart)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumHeight(220)
        return view

    @staticmethod
    def _bars(bar_set: QBarSet) -> QBarSeries:
        series = QBarSeries()
        series.append(bar_set)
        return series

    @staticmethod
    def _draw(view: QChartView, series, labels: list[str], maximum: float) -> None:  # noqa: ANN001
        chart = view.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        chart.addSeries(series)
        x_axis = QBarCategoryAxis(chart)  # parented, or Python frees it while the chart draws
        x_axis.append(labels)
        x_axis.setLabelsAngle(-90)
        x_axis.setTruncateLabels(False)
        font = x_axis.labelsFont()
        font.setPointSizeF(font.pointSizeF() * 0.8)
        x_axis.setLabelsFont(font)
        y_axis = QValueAxis(chart)
        y_axis.setLabelFormat("%.0f")
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x_axis)
        series.attachAxis(y_axis)
        y_axis.setRange(0.0, max(maximum, 1.0))
        if maximum < 5:  # few visits: one tick per whole number, not 0, 0, 1, 1
            y_axis.setTickCount(int(max(maximum, 1.0)) + 1)
        else:
            y_axis.applyNiceNumbers()

    def _on_events_data_changed(self, changes: ChangeSet) -> None:
        if changes.touches(*WATCHED_TABLES):
            self.reload()

    def _on_refused(self, error: DomainError) -> None:
        self.status_label.setText(errors.message_for(error))
