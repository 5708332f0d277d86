#include "twilioform.h"

#include <algorithm>

namespace Serambi::Relay {

namespace {

QString decode(QByteArray part)
{
    part.replace('+', ' ');
    return QString::fromUtf8(QByteArray::fromPercentEncoding(part));
}

QByteArray encode(const QString &text)
{
    // Unreserved characters stay, a space becomes '+', everything else %XX.
    QByteArray encoded = text.toUtf8().toPercentEncoding(QByteArrayLiteral(" "));
    encoded.replace(' ', '+');
    return encoded;
}

} // namespace

bool parseForm(const QByteArray &body, FormParams *params, QString *error)
{
    params->clear();
    const QList<QByteArray> pairs = body.split('&');
    for (const QByteArray &pair : pairs) {
        if (pair.isEmpty())
            continue;
        const qsizetype equals = pair.indexOf('=');
        const QByteArray name = equals < 0 ? pair : pair.left(equals);
        if (name.isEmpty()) {
            *error = QStringLiteral("a form field without a name");
            return false;
        }
        params->append({decode(name), equals < 0 ? QString() : decode(pair.mid(equals + 1))});
    }
    return true;
}

QByteArray encodeForm(const FormParams &params)
{
    QByteArray body;
    for (const auto &[name, value] : params) {
        if (!body.isEmpty())
            body += '&';
        body += encode(name) + '=' + encode(value);
    }
    return body;
}

QString formValue(const FormParams &params, const QString &name)
{
    for (const auto &[key, value] : params) {
        if (key == name)
            return value;
    }
    return {};
}

bool hasFormValue(const FormParams &params, const QString &name)
{
    return std::any_of(params.cbegin(), params.cend(),
                       [&name](const auto &pair) { return pair.first == name; });
}

} // namespace Serambi::Relay
