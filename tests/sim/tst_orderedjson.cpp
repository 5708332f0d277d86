#include "sim/orderedjson.h"
#include "sim/webhooksender.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Serambi::Sim;

class TestOrderedJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldReproduceTheEmptyEnvelopeSignature()
    {
        const OrderedJson body = OrderedJson::object(
            {{QStringLiteral("object"), QStringLiteral("whatsapp_business_account")},
             {QStringLiteral("entry"), OrderedJson::array()}});
        const QByteArray bytes = body.toMetaJson();
        QCOMPARE(bytes, QByteArray("{\"object\":\"whatsapp_business_account\",\"entry\":[]}"));
        QCOMPARE(bytes.size(), 49);
        QCOMPARE(
            WebhookSender::signatureHeader(bytes, "my_app_secret_123"),
            QByteArray("sha256=81383fc053110368de0e20866a9314c814f1aba1a3ccaad9007487fa2a0cae0e"));
    }

    void shouldReproduceTheEscapedCafeSignature()
    {
        const OrderedJson message = OrderedJson::object(
            {{QStringLiteral("type"), QStringLiteral("text")},
             {QStringLiteral("text"),
              OrderedJson::object({{QStringLiteral("body"), QStringLiteral("café")}})}});
        const OrderedJson value =
            OrderedJson::object({{QStringLiteral("messaging_product"), QStringLiteral("whatsapp")},
                                 {QStringLiteral("messages"), OrderedJson::array({message})}});
        const OrderedJson change =
            OrderedJson::object({{QStringLiteral("field"), QStringLiteral("messages")},
                                 {QStringLiteral("value"), value}});
        const OrderedJson entry =
            OrderedJson::object({{QStringLiteral("id"), QStringLiteral("0")},
                                 {QStringLiteral("changes"), OrderedJson::array({change})}});
        const OrderedJson body = OrderedJson::object(
            {{QStringLiteral("object"), QStringLiteral("whatsapp_business_account")},
             {QStringLiteral("entry"), OrderedJson::array({entry})}});

        const QByteArray bytes = body.toMetaJson();
        QCOMPARE(bytes.size(), 190);
        QVERIFY(bytes.contains("\"body\":\"caf\\u00e9\""));
        QCOMPARE(
            WebhookSender::signatureHeader(bytes, "my_app_secret_123"),
            QByteArray("sha256=da0dea03ed093479df89d869917c85ebc662de6bf8f2690920a7996118838d43"));
    }

    void shouldEscapeEmojiAsLowercaseSurrogatePairs()
    {
        const QByteArray bytes = OrderedJson(QStringLiteral("udah 5 hari 😡")).toMetaJson();
        QCOMPARE(bytes, QByteArray("\"udah 5 hari \\ud83d\\ude21\""));
        for (const char c : bytes)
            QVERIFY(uchar(c) < 0x80);
    }

    void shouldEscapeControlCharactersQuotesAndSlashes()
    {
        const QByteArray bytes =
            OrderedJson(QStringLiteral("a\"b\\c/d\ne\tf") + QChar(0x01)).toMetaJson();
        QCOMPARE(bytes, QByteArray("\"a\\\"b\\\\c\\/d\\ne\\tf\\u0001\""));
    }

    void shouldKeepInsertionOrderAndParseBackToTheSameValue()
    {
        OrderedJson object = OrderedJson::object();
        object.insert(QStringLiteral("zeta"), 1);
        object.insert(QStringLiteral("alpha"), true);
        object.insert(QStringLiteral("mid"), -6.917464);
        object.insert(QStringLiteral("list"),
                      OrderedJson::array({OrderedJson(), QStringLiteral("x")}));
        object.insert(QStringLiteral("zeta"), 2); // replaces in place
        const QByteArray bytes = object.toMetaJson();
        QCOMPARE(bytes,
                 QByteArray("{\"zeta\":2,\"alpha\":true,\"mid\":-6.917464,\"list\":[null,\"x\"]}"));
        QCOMPARE(QJsonDocument::fromJson(bytes).object(), object.toJsonValue().toObject());
    }
};

QTEST_GUILESS_MAIN(TestOrderedJson)
#include "tst_orderedjson.moc"
