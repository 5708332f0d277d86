#include "ids.h"

#include <QByteArray>
#include <QRandomGenerator>

namespace Serambi::Sim {

namespace {

QByteArray randomBytes(int count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    for (char &byte : bytes)
        byte = char(QRandomGenerator::global()->bounded(256));
    return bytes;
}

} // namespace

QString newWamid(const QString &waId)
{
    // Real wamids are base64 of a small protobuf-like record holding the peer and a random id.
    QByteArray record("\x1c\x18", 2);
    record += char(waId.size());
    record += waId.toLatin1();
    record += QByteArray("\x15\x02\x00\x11\x18\x12", 6);
    record += randomBytes(9).toHex().toUpper();
    record += '\0';
    return QStringLiteral("wamid.") + QString::fromLatin1(record.toBase64());
}

QString newFbTraceId()
{
    return QString::fromLatin1(
        randomBytes(8).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString newMediaId()
{
    return QString::number(QRandomGenerator::global()->bounded(Q_INT64_C(100000000000000),
                                                               Q_INT64_C(9999999999999999)));
}

} // namespace Serambi::Sim
