#include "ordertext.h"

namespace Serambi::Protocol {

namespace {

QString groupThousands(qint64 units)
{
    QString digits = QString::number(units);
    for (qsizetype at = digits.size() - 3; at > 0; at -= 3)
        digits.insert(at, u'.');
    return digits;
}

// WooCommerce's core statuses (docs/integrations-reference.md), as a shop tells its customer.
QString statusPhrase(const QString &status)
{
    if (status == QLatin1String("pending"))
        return QStringLiteral("menunggu pembayaran");
    if (status == QLatin1String("processing"))
        return QStringLiteral("sedang kami proses");
    if (status == QLatin1String("on-hold"))
        return QStringLiteral("menunggu konfirmasi pembayaran");
    if (status == QLatin1String("completed"))
        return QStringLiteral("sudah dikirim");
    if (status == QLatin1String("cancelled"))
        return QStringLiteral("dibatalkan");
    if (status == QLatin1String("refunded"))
        return QStringLiteral("sudah dikembalikan dananya");
    if (status == QLatin1String("failed"))
        return QStringLiteral("gagal dibayar");
    return QStringLiteral("berstatus \"%1\"").arg(status);
}

} // namespace

QString formatRupiah(qint64 hundredths)
{
    const bool negative = hundredths < 0;
    const qint64 magnitude = negative ? -hundredths : hundredths;
    QString text = QStringLiteral("Rp ") + groupThousands(magnitude / 100);
    if (magnitude % 100 != 0)
        text += QStringLiteral(",%1").arg(magnitude % 100, 2, 10, QLatin1Char('0'));
    return negative ? QStringLiteral("-") + text : text;
}

QString orderStatusSentence(const OrderPayload &order)
{
    QString sentence =
        QStringLiteral("Pesanan %1 (%2) %3.")
            .arg(order.number, formatRupiah(order.totalHundredths), statusPhrase(order.status));
    if (order.trackingNumber.isEmpty())
        return sentence;
    if (!order.courier.isEmpty())
        return sentence + QStringLiteral(" Kurir: %1, nomor resi: %2.")
                              .arg(order.courier, order.trackingNumber);
    return sentence + QStringLiteral(" Nomor resi: %1.").arg(order.trackingNumber);
}

} // namespace Serambi::Protocol
