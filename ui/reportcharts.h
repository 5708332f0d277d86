#pragma once

#include "protocol/reportpayloads.h"

class QChart;

namespace Serambi::Ui {

// Bar charts of a report (Qt Charts), titled in the user's language.
QChart *dailyVolumeChart(const Protocol::ReportPayload &report);
QChart *hourlyVolumeChart(const Protocol::ReportPayload &report);

} // namespace Serambi::Ui
