#include "llmprompt.h"

#include <QJsonObject>
#include <QRegularExpression>

namespace Serambi::Relay::LlmPrompt {

namespace {

QJsonObject message(const QString &role, const QString &content)
{
    return {{QLatin1String("role"), role}, {QLatin1String("content"), content}};
}

QString systemPrompt(const QString &address, const QList<KbHit> &hits)
{
    QString prompt =
        QStringLiteral(
            "Anda adalah asisten layanan pelanggan sebuah toko online di WhatsApp. Balas dalam "
            "bahasa Indonesia yang sopan, ramah dan singkat (paling banyak 4 kalimat, tanpa "
            "markdown), dan sapa pelanggan dengan \"%1\".\n"
            "Aturan:\n"
            "- Jawab HANYA dari artikel di bawah. Jangan mengarang harga, waktu, kebijakan, nomor "
            "rekening atau janji yang tidak tertulis di artikel.\n"
            "- Jika jawabannya tidak ada di artikel, katakan terus terang bahwa Anda belum tahu "
            "dan "
            "tim kami akan membalas; jangan menebak.\n"
            "- Jangan meminta kata sandi, PIN atau kode OTP.\n"
            "- Jika pelanggan marah, mengeluh berat atau minta bicara dengan manusia, serahkan ke "
            "tim kami.\n"
            "Setelah balasan, tulis satu baris terakhir persis seperti ini: "
            "[[sumber: id-artikel, id-artikel; handoff: ya atau tidak]] dengan id artikel yang "
            "Anda pakai (kosongkan jika tidak ada) dan handoff ya jika manusia perlu mengambil "
            "alih.\n\nArtikel:\n")
            .arg(address);
    if (hits.isEmpty())
        prompt += QStringLiteral("(tidak ada artikel yang cocok)\n");
    for (const KbHit &hit : hits)
        prompt += QStringLiteral("\n[id: %1] %2\n%3\n")
                      .arg(hit.article.id, hit.article.title,
                           QString(hit.article.body).replace(QLatin1String("{sapaan}"), address));
    return prompt;
}

const QRegularExpression &tagPattern()
{
    static const QRegularExpression pattern(
        QStringLiteral(
            "\\[\\[\\s*(?:sumber|sources?)\\s*:([^;\\]]*)(?:;\\s*handoff\\s*:\\s*(\\w+))?"
            "[^\\]]*\\]\\]"),
        QRegularExpression::CaseInsensitiveOption);
    return pattern;
}

} // namespace

QJsonArray messages(const QString &address, const QList<KbHit> &hits, const QList<LlmTurn> &history,
                    const QString &customerText)
{
    QJsonArray messages{message(QStringLiteral("system"), systemPrompt(address, hits))};
    for (const LlmTurn &turn : history)
        messages.append(message(turn.role, turn.content));
    messages.append(message(QStringLiteral("user"), customerText));
    return messages;
}

QString visibleText(const QString &content)
{
    const qsizetype tag = content.indexOf(QLatin1String("[["));
    return (tag < 0 ? content : content.left(tag)).trimmed();
}

LlmAnswer parse(const QString &content)
{
    LlmAnswer answer;
    answer.text = visibleText(content);
    const QRegularExpressionMatch match = tagPattern().match(content);
    if (!match.hasMatch())
        return answer;
    const QStringList ids = match.captured(1).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &id : ids) {
        const QString trimmed = id.trimmed();
        if (!trimmed.isEmpty() && trimmed != QLatin1String("-"))
            answer.sources.append(trimmed);
    }
    const QString handoff = match.captured(2).toLower();
    answer.handoff = handoff == QLatin1String("ya") || handoff == QLatin1String("yes") ||
                     handoff == QLatin1String("true");
    return answer;
}

} // namespace Serambi::Relay::LlmPrompt
