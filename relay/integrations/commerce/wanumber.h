#pragma once

#include <QString>
#include <QStringView>

namespace Serambi::Relay {

// A phone number as a shop stores it ("0812-3456-7001", "+62 812 3456 7001", "6281234567001")
// in WhatsApp's wa_id form: digits only with the country code ("6281234567001"). A national
// number with a leading 0 is taken as Indonesian. Empty when phone is not a plausible number
// (fewer than 8 or more than 15 digits, letters).
QString waIdFromPhone(QStringView phone);

} // namespace Serambi::Relay
