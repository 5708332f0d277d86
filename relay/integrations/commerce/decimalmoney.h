#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace Serambi::Relay {

// A shop's decimal amount ("150000.00", "150000", "-2500.5") as an integer count of hundredths,
// parsed as text: no floating point touches money. nullopt for anything else (empty, letters,
// grouping separators, a third decimal that is not zero, more than 15 integer digits).
std::optional<qint64> parseDecimalHundredths(QStringView text);

} // namespace Serambi::Relay
