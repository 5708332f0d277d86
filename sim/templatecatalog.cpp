#include "templatecatalog.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

namespace Serambi::Sim {

namespace {

MessageTemplate makeTemplate(const QString &id, const QString &name, const QString &language,
                             const QString &status, const QString &category,
                             const QJsonArray &components)
{
    MessageTemplate result;
    result.id = id;
    result.name = name;
    result.language = language;
    result.status = status;
    result.category = category;
    result.json = QJsonObject{{QStringLiteral("name"), name},
                              {QStringLiteral("parameter_format"), QStringLiteral("POSITIONAL")},
                              {QStringLiteral("components"), components},
                              {QStringLiteral("language"), language},
                              {QStringLiteral("status"), status},
                              {QStringLiteral("category"), category},
                              {QStringLiteral("id"), id}};
    return result;
}

QJsonObject body(const QString &text)
{
    return {{QStringLiteral("type"), QStringLiteral("BODY")}, {QStringLiteral("text"), text}};
}

QJsonObject footer(const QString &text)
{
    return {{QStringLiteral("type"), QStringLiteral("FOOTER")}, {QStringLiteral("text"), text}};
}

QJsonObject textHeader(const QString &text)
{
    return {{QStringLiteral("type"), QStringLiteral("HEADER")},
            {QStringLiteral("format"), QStringLiteral("TEXT")},
            {QStringLiteral("text"), text}};
}

QJsonObject quickReplies(const QStringList &labels)
{
    QJsonArray buttons;
    for (const QString &label : labels)
        buttons.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("QUICK_REPLY")},
                                   {QStringLiteral("text"), label}});
    return {{QStringLiteral("type"), QStringLiteral("BUTTONS")},
            {QStringLiteral("buttons"), buttons}};
}

QJsonObject imageHeader()
{
    return {{QStringLiteral("type"), QStringLiteral("HEADER")},
            {QStringLiteral("format"), QStringLiteral("IMAGE")}};
}

QJsonObject trackingButtons()
{
    return {{QStringLiteral("type"), QStringLiteral("BUTTONS")},
            {QStringLiteral("buttons"),
             QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("QUICK_REPLY")},
                                    {QStringLiteral("text"), QStringLiteral("Batalkan")}},
                        QJsonObject{{QStringLiteral("type"), QStringLiteral("URL")},
                                    {QStringLiteral("text"), QStringLiteral("Lacak")},
                                    {QStringLiteral("url"),
                                     QStringLiteral("https://toko.example/lacak/{{1}}")}}}}};
}

QList<MessageTemplate> demoTemplates()
{
    const QString id = QStringLiteral("id");
    return {
        makeTemplate(QStringLiteral("1234567890123401"), QStringLiteral("order_update"), id,
                     QStringLiteral("APPROVED"), QStringLiteral("UTILITY"),
                     {body(QStringLiteral("Halo {{1}}, pesanan {{2}} sudah dikirim.")),
                      footer(QStringLiteral("Toko Serambi")),
                      quickReplies({QStringLiteral("Lacak pesanan")})}),
        makeTemplate(QStringLiteral("1234567890123402"), QStringLiteral("order_update"),
                     QStringLiteral("en_US"), QStringLiteral("APPROVED"), QStringLiteral("UTILITY"),
                     {body(QStringLiteral("Hi {{1}}, your order {{2}} has shipped.")),
                      footer(QStringLiteral("Toko Serambi"))}),
        makeTemplate(QStringLiteral("1234567890123403"), QStringLiteral("sapaan_lanjutan"), id,
                     QStringLiteral("APPROVED"), QStringLiteral("UTILITY"),
                     {body(QStringLiteral("Halo {{1}}, kami ingin menindaklanjuti pertanyaan "
                                          "Kakak. Balas pesan ini untuk lanjut mengobrol ya.")),
                      quickReplies({QStringLiteral("Lanjut"), QStringLiteral("Sudah beres")})}),
        makeTemplate(QStringLiteral("1234567890123404"), QStringLiteral("pengingat_pembayaran"), id,
                     QStringLiteral("APPROVED"), QStringLiteral("UTILITY"),
                     {textHeader(QStringLiteral("Pengingat pembayaran {{1}}")),
                      body(QStringLiteral("Halo {{1}}, tagihan {{2}} sebesar {{3}} jatuh tempo "
                                          "pada {{4}}.")),
                      footer(QStringLiteral("Abaikan jika sudah membayar"))}),
        makeTemplate(QStringLiteral("1234567890123407"), QStringLiteral("pesanan_dikemas"), id,
                     QStringLiteral("APPROVED"), QStringLiteral("UTILITY"),
                     {imageHeader(),
                      body(QStringLiteral("Halo {{1}}, pesanan {{2}} sedang dikemas.")),
                      trackingButtons()}),
        makeTemplate(QStringLiteral("1234567890123405"), QStringLiteral("promo_ramadan"), id,
                     QStringLiteral("PENDING"), QStringLiteral("MARKETING"),
                     {body(QStringLiteral("Promo Ramadan! Diskon {{1}} untuk semua produk "
                                          "sampai {{2}}."))}),
        makeTemplate(QStringLiteral("1234567890123406"), QStringLiteral("diskon_kilat"), id,
                     QStringLiteral("REJECTED"), QStringLiteral("MARKETING"),
                     {body(QStringLiteral("DISKON 90%!!! Klik sekarang juga {{1}}"))}),
        // What the demo shop sends, through the relay's status templates, when it ships.
        makeTemplate(QStringLiteral("1234567890123408"), QStringLiteral("pesanan_dikirim"), id,
                     QStringLiteral("APPROVED"), QStringLiteral("UTILITY"),
                     {body(QStringLiteral("Halo {{1}}, pesanan {{2}} sudah dikirim dengan {{3}}, "
                                          "nomor resi {{4}}.")),
                      footer(QStringLiteral("Toko Serambi"))}),
    };
}

} // namespace

int MessageTemplate::placeholderCount(const QString &componentType) const
{
    // A media header (IMAGE, VIDEO, DOCUMENT, LOCATION) takes exactly one parameter.
    const QJsonArray components = json.value(QStringLiteral("components")).toArray();
    for (const QJsonValue &component : components) {
        const QJsonObject object = component.toObject();
        const QString format = object.value(QStringLiteral("format")).toString();
        if (object.value(QStringLiteral("type")).toString() == componentType && !format.isEmpty() &&
            format != QLatin1String("TEXT"))
            return 1;
    }
    static const QRegularExpression placeholder(QStringLiteral("\\{\\{\\s*(\\w+)\\s*\\}\\}"));
    QSet<QString> names;
    auto it = placeholder.globalMatch(componentText(componentType));
    while (it.hasNext())
        names.insert(it.next().captured(1));
    return int(names.size());
}

QString MessageTemplate::componentText(const QString &componentType) const
{
    const QJsonArray components = json.value(QStringLiteral("components")).toArray();
    for (const QJsonValue &component : components) {
        const QJsonObject object = component.toObject();
        if (object.value(QStringLiteral("type")).toString() == componentType)
            return object.value(QStringLiteral("text")).toString();
    }
    return {};
}

TemplateCatalog::TemplateCatalog() : m_templates(demoTemplates()) {}

TemplateCatalog::TemplateCatalog(QList<MessageTemplate> templates)
    : m_templates(std::move(templates))
{}

std::optional<MessageTemplate> TemplateCatalog::findApproved(const QString &name,
                                                             const QString &language) const
{
    for (const MessageTemplate &candidate : m_templates) {
        if (candidate.name == name && candidate.language == language &&
            candidate.status == QLatin1String("APPROVED"))
            return candidate;
    }
    return std::nullopt;
}

QJsonObject TemplateCatalog::page(int limit, const QString &after, const QString &statusFilter,
                                  const QString &nextUrlBase) const
{
    QList<int> matching;
    for (int i = 0; i < m_templates.size(); ++i) {
        if (statusFilter.isEmpty() ||
            m_templates.at(i).status.compare(statusFilter, Qt::CaseInsensitive) == 0)
            matching.append(i);
    }
    const auto cursorOf = [](int index) {
        return QString::fromLatin1(QByteArray::number(index).toBase64(
            QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    };
    int start = 0;
    if (!after.isEmpty()) {
        const int afterIndex =
            QByteArray::fromBase64(after.toLatin1(), QByteArray::Base64UrlEncoding).toInt();
        while (start < matching.size() && matching.at(start) <= afterIndex)
            ++start;
    }
    const int end = int(qMin<qsizetype>(matching.size(), start + qMax(1, limit)));
    QJsonArray data;
    for (int i = start; i < end; ++i)
        data.append(m_templates.at(matching.at(i)).json);
    QJsonObject paging;
    if (start < end) {
        const QString afterCursor = cursorOf(matching.at(end - 1));
        paging.insert(QStringLiteral("cursors"),
                      QJsonObject{{QStringLiteral("before"), cursorOf(matching.at(start))},
                                  {QStringLiteral("after"), afterCursor}});
        if (end < matching.size())
            paging.insert(QStringLiteral("next"),
                          QString(nextUrlBase + QStringLiteral("&after=") + afterCursor));
    }
    return QJsonObject{{QStringLiteral("data"), data}, {QStringLiteral("paging"), paging}};
}

} // namespace Serambi::Sim
