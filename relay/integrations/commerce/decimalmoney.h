#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace Serambi::Relay {

// A shop's decimal amount ("150000.00", "150000", "-2500.5") as an integer count of hundredths,
// parsed as text: no floating point touches money. nullopt for anything else (empty, letters,
// grouping separators, a third decimal that is not zero, more than 15 integer digits).
std::optional<qint64> parseDecimalHundredths(QStringView text);

// Whole rupiah the Indonesian way: "Rp 1.250.000" (hundredths are dropped when zero, else
// shown after a comma: "Rp 1.250,50").
QString formatRupiah(qint64 hundredths);

} // namespace Serambi::Relay
