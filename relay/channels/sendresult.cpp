#include "sendresult.h"

#include <QRegularExpression>

namespace Serambi::Relay {

QString GraphError::title() const
{
    static const QRegularExpression prefix(QStringLiteral("^\\(#\\d+\\)\\s*"));
    QString text = message;
    return text.remove(prefix);
}

} // namespace Serambi::Relay
