// send_template's check and build against a stored template: named parameters, positional order,
// currency fallbacks in the filled-in text, and the refusals that name what is wrong.
#include "outbound/templatemessage.h"

#include <QJsonArray>
#include <QTest>

using namespace Serambi::Relay;

namespace {

MessageTemplate namedTemplate()
{
    MessageTemplate stored;
    stored.name = QStringLiteral("konfirmasi");
    stored.language = QStringLiteral("id");
    stored.status = QStringLiteral("APPROVED");
    stored.parameterFormat = QStringLiteral("NAMED");
    stored.components = QJsonArray{QJsonObject{
        {QStringLiteral("type"), QStringLiteral("BODY")},
        {QStringLiteral("text"),
         QStringLiteral("Halo {{nama}}, total {{total}} untuk pesanan {{nama}}-{{kode}}.")}}};
    return stored;
}

QJsonObject text(const QString &value, const QString &name = {})
{
    QJsonObject parameter{{QStringLiteral("type"), QStringLiteral("text")},
                          {QStringLiteral("text"), value}};
    if (!name.isEmpty())
        parameter.insert(QStringLiteral("parameter_name"), name);
    return parameter;
}

} // namespace

class TestTemplateMessage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldMatchNamedParametersByNameAndSendEveryName()
    {
        const QJsonObject currency{
            {QStringLiteral("type"), QStringLiteral("currency")},
            {QStringLiteral("parameter_name"), QStringLiteral("total")},
            {QStringLiteral("currency"),
             QJsonObject{{QStringLiteral("fallback_value"), QStringLiteral("Rp 50.000")},
                         {QStringLiteral("code"), QStringLiteral("IDR")},
                         {QStringLiteral("amount_1000"), 50000000}}}};
        QString problem;
        const auto built = buildTemplateMessage(
            namedTemplate(),
            {{QStringLiteral("body"),
              QJsonArray{text(QStringLiteral("A-1"), QStringLiteral("kode")), currency,
                         text(QStringLiteral("Siti"), QStringLiteral("nama"))}}},
            &problem);
        QVERIFY2(built, qPrintable(problem));
        QCOMPARE(built->text, QStringLiteral("Halo Siti, total Rp 50.000 untuk pesanan Siti-A-1."));
        const QJsonArray sent = built->templateObject.value(QLatin1String("components"))
                                    .toArray()
                                    .at(0)
                                    .toObject()
                                    .value(QLatin1String("parameters"))
                                    .toArray();
        QCOMPARE(sent.size(), 3);
        QCOMPARE(sent.at(0).toObject(), text(QStringLiteral("A-1"), QStringLiteral("kode")));
        QCOMPARE(sent.at(1).toObject(), currency);
    }

    void shouldNameParametersInOrderOfAppearanceWhenUnnamed()
    {
        QString problem;
        const auto built = buildTemplateMessage(
            namedTemplate(),
            {{QStringLiteral("body"),
              QJsonArray{text(QStringLiteral("Siti")), text(QStringLiteral("Rp 1")),
                         text(QStringLiteral("B-2"))}}},
            &problem);
        QVERIFY2(built, qPrintable(problem));
        QCOMPARE(built->text, QStringLiteral("Halo Siti, total Rp 1 untuk pesanan Siti-B-2."));
        QCOMPARE(built->templateObject.value(QLatin1String("components"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("parameters"))
                     .toArray()
                     .at(2)
                     .toObject()
                     .value(QLatin1String("parameter_name")),
                 QStringLiteral("kode"));
    }

    void shouldRefuseAnUnknownOrMissingName()
    {
        QString problem;
        QVERIFY(!buildTemplateMessage(
            namedTemplate(),
            {{QStringLiteral("body"),
              QJsonArray{text(QStringLiteral("Siti"), QStringLiteral("nama")),
                         text(QStringLiteral("x"), QStringLiteral("alamat")),
                         text(QStringLiteral("B-2"), QStringLiteral("kode"))}}},
            &problem));
        QCOMPARE(problem, QStringLiteral("body[1]: the template has no parameter \"alamat\""));
        QVERIFY(!buildTemplateMessage(
            namedTemplate(),
            {{QStringLiteral("body"),
              QJsonArray{text(QStringLiteral("Siti"), QStringLiteral("nama")),
                         text(QStringLiteral("x"), QStringLiteral("nama")),
                         text(QStringLiteral("B-2"), QStringLiteral("kode"))}}},
            &problem));
        QCOMPARE(problem, QStringLiteral("body: no parameter for \"total\""));
    }

    void shouldFillPositionalPlaceholdersByNumberNotByAppearance()
    {
        MessageTemplate stored = namedTemplate();
        stored.parameterFormat = QStringLiteral("POSITIONAL");
        stored.components = QJsonArray{
            QJsonObject{{QStringLiteral("type"), QStringLiteral("BODY")},
                        {QStringLiteral("text"), QStringLiteral("{{2}} untuk {{1}} \\1")}}};
        QString problem;
        const auto built = buildTemplateMessage(
            stored,
            {{QStringLiteral("body"),
              QJsonArray{text(QStringLiteral("Siti \\1")), text(QStringLiteral("Paket"))}}},
            &problem);
        QVERIFY2(built, qPrintable(problem));
        QCOMPARE(built->text, QStringLiteral("Paket untuk Siti \\1 \\1"));
        QVERIFY(!built->templateObject.value(QLatin1String("components"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("parameters"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .contains(QLatin1String("parameter_name")));
    }
};

QTEST_GUILESS_MAIN(TestTemplateMessage)
#include "tst_templatemessage.moc"
