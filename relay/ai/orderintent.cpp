#include "orderintent.h"

#include "textnormalizer.h"

#include <QRegularExpression>
#include <QSet>
#include <QStringList>

namespace Serambi::Relay {

namespace {

// Words that name an order or its parcel; "resi", "tracking" and "lacak" ask on their own.
const QSet<QString> &orderWords()
{
    static const QSet<QString> words{
        QStringLiteral("pesanan"),   QStringLiteral("pesananku"), QStringLiteral("pesenan"),
        QStringLiteral("psnan"),     QStringLiteral("psanan"),    QStringLiteral("order"),
        QStringLiteral("orderan"),   QStringLiteral("orderanku"), QStringLiteral("paket"),
        QStringLiteral("paketnya"),  QStringLiteral("paketku"),   QStringLiteral("barang"),
        QStringLiteral("barangnya"), QStringLiteral("barangku"),  QStringLiteral("kiriman"),
        QStringLiteral("kurir"),     QStringLiteral("kurirnya")};
    return words;
}

const QSet<QString> &trackingWords()
{
    static const QSet<QString> words{QStringLiteral("resi"), QStringLiteral("resinya"),
                                     QStringLiteral("tracking"), QStringLiteral("trackingnya"),
                                     QStringLiteral("lacak")};
    return words;
}

// Where is it, when does it come, has it shipped.
const QSet<QString> &statusWords()
{
    static const QSet<QString> words{
        QStringLiteral("status"),     QStringLiteral("statusnya"), QStringLiteral("dikirim"),
        QStringLiteral("dikirimkan"), QStringLiteral("dikirm"),    QStringLiteral("terkirim"),
        QStringLiteral("sampai"),     QStringLiteral("sampe"),     QStringLiteral("nyampe"),
        QStringLiteral("nyampai"),    QStringLiteral("datang"),    QStringLiteral("dtg"),
        QStringLiteral("gimana"),     QStringLiteral("gmn"),       QStringLiteral("gmna"),
        QStringLiteral("bagaimana"),  QStringLiteral("kabar"),     QStringLiteral("kabarnya"),
        QStringLiteral("mana"),       QStringLiteral("dmn"),       QStringLiteral("dimana"),
        QStringLiteral("cek"),        QStringLiteral("kapan"),     QStringLiteral("kpn"),
        QStringLiteral("diproses"),   QStringLiteral("dikemas"),   QStringLiteral("lama"),
        QStringLiteral("belum"),      QStringLiteral("blm"),       QStringLiteral("blom"),
        QStringLiteral("shipped"),    QStringLiteral("where"),     QStringLiteral("apa")};
    return words;
}

// A new order, a return, a complaint or a thank-you: not a question about an order's state.
const QSet<QString> &otherWords()
{
    static const QSet<QString> words{
        QStringLiteral("makasih"), QStringLiteral("terima"), QStringLiteral("thanks"),
        QStringLiteral("retur"),   QStringLiteral("tukar"),  QStringLiteral("komplain"),
        QStringLiteral("rusak"),   QStringLiteral("cara"),   QStringLiteral("ongkir"),
        QStringLiteral("ongkos"),  QStringLiteral("stok"),   QStringLiteral("ready")};
    return words;
}

// "sampe2" (reduplication written with a 2) is "sampe".
QString baseWord(QString word)
{
    if (word.size() > 2 && word.endsWith(QLatin1Char('2')) && word.at(word.size() - 2).isLetter())
        word.chop(1);
    return word;
}

QString withoutLeadingZeros(const QString &digits)
{
    qsizetype start = 0;
    while (start < digits.size() - 1 && digits.at(start) == QLatin1Char('0'))
        ++start;
    return digits.mid(start);
}

} // namespace

std::optional<OrderQuestion> recogniseOrderQuestion(const QString &text)
{
    static const QRegularExpression invoice(QStringLiteral("\\binv[\\s#-]*(\\d{1,9})\\b"),
                                            QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression number(QStringLiteral("(?:^|[\\s#])(\\d{3,6})\\b"));
    const QRegularExpressionMatch invoiceMatch = invoice.match(text);
    OrderQuestion question;
    if (invoiceMatch.hasMatch())
        question.reference = withoutLeadingZeros(invoiceMatch.captured(1));

    bool orderWord = false;
    bool trackingWord = false;
    bool statusWord = false;
    bool otherWord = false;
    const QString folded = TextNormalizer::fold(text);
    for (const QString &token : folded.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QString word = baseWord(token);
        orderWord = orderWord || orderWords().contains(word);
        trackingWord = trackingWord || trackingWords().contains(word);
        statusWord = statusWord || statusWords().contains(word);
        otherWord = otherWord || otherWords().contains(word);
    }
    const bool asks =
        !question.reference.isEmpty() || trackingWord || (orderWord && statusWord && !otherWord);
    if (!asks)
        return std::nullopt;
    if (question.reference.isEmpty()) {
        const QRegularExpressionMatch numberMatch = number.match(text);
        if (numberMatch.hasMatch())
            question.reference = withoutLeadingZeros(numberMatch.captured(1));
    }
    return question;
}

bool orderNumberMatches(const QString &number, const QString &reference)
{
    QString digits;
    for (const QChar c : number) {
        if (c.isDigit())
            digits.append(c);
    }
    return !reference.isEmpty() && !digits.isEmpty() && withoutLeadingZeros(digits) == reference;
}

} // namespace Serambi::Relay
