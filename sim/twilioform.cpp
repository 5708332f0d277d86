#include "twilioform.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

#include <algorithm>

namespace Serambi::Sim {

namespace {

QString decoded(QByteArray text)
{
    text.replace('+', ' ');
    return QString::fromUtf8(QByteArray::fromPercentEncoding(text));
}

QByteArray encoded(const QString &text)
{
    return text.toUtf8().toPercentEncoding().replace("%20", "+");
}

} // namespace

bool parseTwilioForm(const QByteArray &body, TwilioForm *form)
{
    form->clear();
    for (const QByteArray &pair : body.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype equals = pair.indexOf('=');
        if (equals == 0)
            return false;
        if (equals < 0)
            form->append({decoded(pair), QString()});
        else
            form->append({decoded(pair.left(equals)), decoded(pair.mid(equals + 1))});
    }
    return true;
}

QByteArray encodeTwilioForm(const TwilioForm &form)
{
    QList<QByteArray> pairs;
    for (const auto &[name, value] : form)
        pairs.append(encoded(name) + '=' + encoded(value));
    return pairs.join('&');
}

QString twilioField(const TwilioForm &form, const QString &name)
{
    for (const auto &[key, value] : form) {
        if (key == name)
            return value;
    }
    return {};
}

QByteArray twilioSignature(const QString &url, const TwilioForm &form, const QByteArray &authToken)
{
    TwilioForm sorted = form;
    std::sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) {
        const QByteArray left = a.first.toUtf8();
        const QByteArray right = b.first.toUtf8();
        return left != right ? left < right : a.second.toUtf8() < b.second.toUtf8();
    });
    QByteArray data = url.toUtf8();
    for (const auto &[name, value] : std::as_const(sorted))
        data += name.toUtf8() + value.toUtf8();
    return QMessageAuthenticationCode::hash(data, authToken, QCryptographicHash::Sha1).toBase64();
}

QString twilioMessageSid(const QString &seed)
{
    if (seed.startsWith(QLatin1String("SM")) && seed.size() == 34)
        return seed;
    return QStringLiteral("SM") +
           QString::fromLatin1(
               QCryptographicHash::hash(seed.toUtf8(), QCryptographicHash::Md5).toHex());
}

} // namespace Serambi::Sim
